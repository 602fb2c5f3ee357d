//! How long a post may be on each platform, and how each platform counts.

use crate::domain::{PlanVariant, Platform};

/// X counts every link as 23 characters, whatever its length.
const X_LINK_LENGTH: usize = 23;

/// The text as it will be posted: the text, then hashtags it does not already contain, then the
/// link if the text does not already hold it.
pub fn composed(variant: &PlanVariant) -> String {
    let mut out = variant.text.trim_end().to_owned();
    let missing: Vec<&str> = variant
        .hashtags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty() && !out.contains(*t))
        .collect();
    if !missing.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&missing.join(" "));
    }
    if let Some(link) = variant.link.as_deref().filter(|l| !l.is_empty())
        && !out.contains(link)
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(link);
    }
    out
}

/// The length the platform counts for `text`: characters (Unicode scalar values), with X's
/// fixed link length.
pub fn counted_length(platform: Platform, text: &str) -> usize {
    if platform != Platform::X {
        return text.chars().count();
    }
    text.split_inclusive(char::is_whitespace)
        .map(|word| {
            let bare = word.trim_end();
            if bare.starts_with("http://") || bare.starts_with("https://") {
                X_LINK_LENGTH + (word.len() - bare.len())
            } else {
                word.chars().count()
            }
        })
        .sum()
}

/// (counted length, limit) of a variant as it will be posted.
pub fn usage(variant: &PlanVariant) -> (usize, usize) {
    (
        counted_length(variant.platform, &composed(variant)),
        variant.platform.text_limit().unwrap_or(usize::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(platform: Platform, text: &str, tags: &[&str], link: Option<&str>) -> PlanVariant {
        PlanVariant {
            platform,
            text: text.into(),
            media_note: String::new(),
            link: link.map(Into::into),
            hashtags: tags.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn x_counts_links_as_23() {
        let v = variant(
            Platform::X,
            "Menu baru",
            &["#Kopi"],
            Some("https://example.com/a/very/long/path/that/is/long"),
        );
        assert_eq!(
            composed(&v),
            "Menu baru\n#Kopi https://example.com/a/very/long/path/that/is/long"
        );
        // "Menu baru\n#Kopi " = 16 characters, then the link counts 23.
        assert_eq!(usage(&v), (16 + 23, 280));
        let ig = variant(Platform::Instagram, "Menu baru", &["#Kopi"], None);
        assert_eq!(usage(&ig), (15, 2_200));
    }

    #[test]
    fn characters_not_bytes_and_no_repeated_tags() {
        let v = variant(Platform::LinkedIn, "Kopi ☕ #Kopi", &["#Kopi"], None);
        assert_eq!(composed(&v), "Kopi ☕ #Kopi");
        assert_eq!(usage(&v).0, 12);
    }
}
