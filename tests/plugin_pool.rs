//! The instance pool: each document's fresh instance takes a slot. More documents at once than
//! there are slots (a batch on a machine with more threads than planned) gives the document a
//! finding, never a crash, and the slots come back when the documents are done.

use std::path::{Path, PathBuf};
use vbhc::plugin::trust::Trust;
use vbhc::plugin::{Host, Limits, Registry};

#[test]
fn more_documents_at_once_than_slots_is_a_finding() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let host = Host::new(Limits::default(), Some(tmp.path().join("cache"))).unwrap();
    let trust = Trust::load(None, &[root.join("plugins/keys/demo.pub")], false).unwrap();
    let reg = Registry::discover(&[root.join("plugins/dist/lang-son")], trust).unwrap();
    let plugin = reg.get(&host, "lang-son").unwrap().unwrap();
    let doc = Path::new("van-ban.toml");
    let mut held = Vec::new();
    let refused = loop {
        match host.session(&plugin, doc) {
            Ok(s) => held.push(s),
            Err(f) => break f,
        }
        assert!(
            held.len() < 4096,
            "the pool never ran out (plain allocation?)"
        );
    };
    assert!(held.len() >= 32, "only {} slots", held.len());
    assert_eq!(refused.code, "PLUGIN-ENGINE", "{refused:?}");
    let m = &refused.message.vi;
    assert!(
        m.contains("lang-son 1.0.0") && m.contains("van-ban.toml"),
        "{m}"
    );
    assert!(m.contains("quá nhiều phiên plugin"), "{m}");
    // The held instances still work, and once they are dropped the slots are free again.
    assert_eq!(held[0].info().unwrap().id, "lang-son");
    drop(held);
    let mut again = host.session(&plugin, doc).unwrap();
    assert_eq!(again.info().unwrap().id, "lang-son");
}
