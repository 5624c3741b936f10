//! "Did you mean": the closest known name to a typo, by Jaro–Winkler similarity.

/// The candidate most similar to `typo`, if any is close enough to be a plausible typo.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(typo, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_typos() {
        assert_eq!(
            super::closest("trich_yue", ["trich_yeu", "so", "ngay"]),
            Some("trich_yeu")
        );
        assert_eq!(super::closest("xyz", ["trich_yeu", "so"]), None);
    }
}
