//! Unicode-aware upper-casing for the parts the decree writes in capitals (Quốc hiệu, agency
//! names, tên loại, quyền hạn, chức vụ). Rust's full case mapping covers every precomposed
//! Vietnamese letter; re-composing keeps the tone-mark style through the change (`Hòa` → `HÒA`).

pub fn upper(s: &str) -> String {
    let u = s.to_uppercase();
    match super::nfc(&u) {
        std::borrow::Cow::Borrowed(_) => u,
        std::borrow::Cow::Owned(n) => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_capitals() {
        assert_eq!(
            upper("Ủy ban nhân dân tỉnh Lào Cai"),
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"
        );
        assert_eq!(upper("đường ưu ơn ăn"), "ĐƯỜNG ƯU ƠN ĂN");
        assert_eq!(upper("Hòa"), "HÒA");
        assert_eq!(upper("hoà"), "HOÀ");
    }
}
