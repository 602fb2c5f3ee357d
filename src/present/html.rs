//! Building HTML as text, escaped by construction: tag and attribute names come from code
//! (`&'static str`), every value and text goes through [`escape`]. Whatever an imported file
//! holds (`<script>`, quotes, ampersands), it can only ever show as text.

/// Escapes text for an element's content or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An HTML fragment being written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens `<tag a="v" …>`.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
        self.out.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        self
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.out.push_str(&escape(text));
        self
    }

    /// `<tag …>text</tag>`.
    pub fn elem(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A fragment written by other code of this module's kind.
    pub fn append(&mut self, other: &Html) -> &mut Self {
        self.out.push_str(&other.out);
        self
    }

    /// Markup produced by trusted code (chart SVG built from numbers).
    pub(crate) fn trusted(&mut self, markup: &str) -> &mut Self {
        self.out.push_str(markup);
        self
    }

    pub fn into_string(self) -> String {
        self.out
    }

    pub fn as_str(&self) -> &str {
        &self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_values_cannot_open_markup() {
        let mut html = Html::new();
        html.elem(
            "p",
            &[("title", "\"><script>alert(1)</script>")],
            "<script>alert('x') & more</script>",
        );
        assert_eq!(
            html.as_str(),
            "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">\
             &lt;script&gt;alert(&#39;x&#39;) &amp; more&lt;/script&gt;</p>"
        );
    }
}
