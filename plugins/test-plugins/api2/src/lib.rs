//! A plugin built against a future interface, `vbhc:plugin@2.0.0` (here: the same records
//! under a new major version): this vbhc must refuse it with PLUGIN-API, not guess.

wit_bindgen::generate!({ path: "wit", world: "plugin" });

use exports::vbhc::plugin::province::Guest;
use vbhc::plugin::types::*;

struct Api2;

impl Guest for Api2 {
    fn info() -> Info {
        Info {
            id: "api-two".into(),
            name: "API 2".into(),
            version: "1.0.0".into(),
            province: "Nowhere".into(),
            api_version: "2.0.0".into(),
        }
    }
    fn defaults(_: Request) -> Defaults {
        Defaults { chu_quan: None, co_quan: vec![], viet_tat: None, dia_danh: None, units: vec![] }
    }
    fn recipients(_: Request) -> Recipients {
        Recipients { kinh_gui: vec![], noi_nhan: vec![] }
    }
    fn section(_: Request, _: String) -> Vec<Block> {
        vec![]
    }
    fn house_style(_: Request) -> HouseStyle {
        HouseStyle { luu: None, tham_quyen: None, chuc_vu: None, annex_numbering: AnnexNumbering::Roman }
    }
    fn validate(_: Document) -> Vec<Finding> {
        vec![]
    }
}

export!(Api2);
