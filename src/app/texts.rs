//! The page's message texts. In the page's build (the `catalog-file` feature) a language's texts
//! are a file of the build, named in index.html (`<meta name=linimasa-catalog>`, written by
//! `scripts/split_page.py`): fetched and installed before anything in that language is shown.
//! Elsewhere the texts are compiled in and there is nothing to load.

use crate::i18n::Lang;

/// Makes the texts of `lang` available.
pub async fn ensure(lang: Lang) -> Result<(), String> {
    #[cfg(feature = "catalog-file")]
    {
        use crate::i18n::catalog;
        if catalog::is_installed(lang) {
            return Ok(());
        }
        let pattern = super::browser::meta("linimasa-catalog")
            .ok_or("index.html names no message catalog")?;
        let url = super::browser::asset_url(&pattern.replace("{lang}", lang.tag()));
        let text = super::browser::fetch_text(&url).await?;
        let texts: Vec<String> = serde_json::from_str(&text).map_err(|e| format!("{url}: {e}"))?;
        catalog::install(lang, texts);
    }
    #[cfg(not(feature = "catalog-file"))]
    let _ = lang;
    Ok(())
}
