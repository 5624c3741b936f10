//! Every finding code vbhc gives of its own, besides the checker's `ND30-*` rules (those are
//! `check::rules::RULES`, with their reasons from the decree): its default severity, the exit
//! status it implies when it stops a command, the area of vbhc it comes from, and one line
//! saying what it means. [`Finding::new`](super::Finding::new) takes the severity and exit from
//! here, `vbhc rules --all` prints the table, and a test holds every code written in `src/` to
//! it. A plugin's own codes (`LANG-SON-…`) are the plugin's.

use super::Severity;
use crate::exit::Exit;

/// Where in vbhc a finding comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    /// The command line itself.
    Usage,
    /// Opening and reading an input file.
    Input,
    /// A draft's keys and values.
    Draft,
    /// The body text's markup.
    Markup,
    /// A kind template.
    Template,
    /// Laying the page out.
    Layout,
    /// Reading a DOCX.
    Docx,
    /// Writing the output.
    Output,
    /// A spreadsheet batch.
    Batch,
    /// The office's configuration.
    Config,
    /// A province plugin: trust, sandbox, answers.
    Plugin,
    /// A bug in vbhc.
    Internal,
}

/// One code of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub id: &'static str,
    pub severity: Severity,
    /// The exit status when the finding stops a command (errors only; `Ok` otherwise).
    pub exit: Exit,
    pub area: Area,
    /// What it means, in Vietnamese and in English.
    pub vi: &'static str,
    pub en: &'static str,
}

macro_rules! codes {
    ($( $name:ident = $id:literal, $sev:ident, $exit:ident, $area:ident, $vi:literal, $en:literal; )*) => {
        $(
            #[doc = $en]
            pub const $name: &str = $id;
        )*
        /// The registry, by area.
        pub const CODES: &[Code] = &[
            $( Code {
                id: $id,
                severity: Severity::$sev,
                exit: Exit::$exit,
                area: Area::$area,
                vi: $vi,
                en: $en,
            }, )*
        ];
    };
}

codes! {
    USAGE = "USAGE", Error, Usage, Usage,
        "cách dùng lệnh sai", "the command is used wrongly";

    INPUT_MISSING = "INPUT-MISSING", Error, NoInput, Input,
        "tệp đầu vào không có", "an input file does not exist";
    INPUT_DENIED = "INPUT-DENIED", Error, NoInput, Input,
        "không có quyền đọc tệp đầu vào", "an input file may not be read";
    INPUT_READ = "INPUT-READ", Error, IoErr, Input,
        "lỗi đọc tệp đầu vào", "an input file could not be read";
    INPUT_IS_DIR = "INPUT-IS-DIR", Error, NoInput, Input,
        "đầu vào là thư mục, không phải tệp", "an input is a folder, not a file";
    INPUT_NOT_FILE = "INPUT-NOT-FILE", Error, NoInput, Input,
        "đầu vào là thiết bị hoặc ống dẫn, không phải tệp", "an input is a device or pipe, not a file";
    INPUT_TOO_LARGE = "INPUT-TOO-LARGE", Error, DataErr, Input,
        "tệp đầu vào lớn hơn giới hạn của loại tệp", "an input file is over the cap for its kind";
    INPUT_ENCODING = "INPUT-ENCODING", Error, DataErr, Input,
        "tệp văn bản không phải UTF-8", "a text file is not UTF-8";
    INPUT_FORMAT = "INPUT-FORMAT", Error, DataErr, Input,
        "loại tệp vbhc không đọc", "a kind of file vbhc does not read";

    DRAFT_SYNTAX = "DRAFT-SYNTAX", Error, DataErr, Draft,
        "cú pháp TOML/JSON của bản nháp sai", "the draft's TOML or JSON syntax is wrong";
    DRAFT_ENCODING = "DRAFT-ENCODING", Error, DataErr, Draft,
        "bản nháp không phải UTF-8", "the draft is not UTF-8";
    DRAFT_TOO_LARGE = "DRAFT-TOO-LARGE", Error, DataErr, Draft,
        "bản nháp quá số dòng một văn bản", "the draft is over the lines of one document";
    DRAFT_MISSING_FIELD = "DRAFT-MISSING-FIELD", Error, DataErr, Draft,
        "thiếu trường bắt buộc", "a required field is missing";
    DRAFT_UNKNOWN_FIELD = "DRAFT-UNKNOWN-FIELD", Error, DataErr, Draft,
        "trường không có trong loại văn bản", "a field the kind does not have";
    DRAFT_UNKNOWN_KIND = "DRAFT-UNKNOWN-KIND", Error, DataErr, Draft,
        "loại văn bản không có", "an unknown kind of document";
    DRAFT_TYPE = "DRAFT-TYPE", Error, DataErr, Draft,
        "giá trị sai kiểu (chuỗi, số, danh sách, bảng)", "a value of the wrong type";
    DRAFT_VALUE = "DRAFT-VALUE", Error, DataErr, Draft,
        "giá trị không nằm trong các giá trị cho phép", "a value outside the allowed ones";
    DRAFT_EMPTY = "DRAFT-EMPTY", Error, DataErr, Draft,
        "trường bắt buộc để trống", "a required field is empty";
    DRAFT_EMPTY_BODY = "DRAFT-EMPTY-BODY", Error, DataErr, Draft,
        "nội dung văn bản hoặc phụ lục trống", "the text of the document or an annex is empty";
    DRAFT_BLANK_PART = "DRAFT-BLANK-PART", Note, Ok, Draft,
        "một phần để trống: dùng câu chuẩn (viết false để bỏ hẳn)", "a part left blank: the standard wording is used (write false to leave it out)";
    DRAFT_MOJIBAKE = "DRAFT-MOJIBAKE", Warning, Ok, Draft,
        "chữ bị lỗi bảng mã (UTF-8 bị đọc sai rồi lưu lại)", "garbled text (UTF-8 read in the wrong code page)";
    DRAFT_PLACEHOLDER = "DRAFT-PLACEHOLDER", Error, DataErr, Draft,
        "trường còn giữ chữ mẫu của khung bản nháp", "a field still holds the skeleton's placeholder";
    DRAFT_IGNORED = "DRAFT-IGNORED", Warning, Ok, Draft,
        "trường không được dùng vì thân văn bản viết tự do", "a field unused because the body is written in full";
    DRAFT_NUMBER = "DRAFT-NUMBER", Error, DataErr, Draft,
        "số văn bản sai", "the document number is wrong";
    DRAFT_DATE = "DRAFT-DATE", Error, DataErr, Draft,
        "ngày sai", "the date is wrong";
    DRAFT_KY_HIEU = "DRAFT-KY-HIEU", Error, DataErr, Draft,
        "ký hiệu văn bản sai", "the ký hiệu is wrong";
    DRAFT_QUYEN_HAN = "DRAFT-QUYEN-HAN", Error, DataErr, Draft,
        "dòng quyền hạn ký sai", "an authority line of the signature is wrong";
    DRAFT_CONTROL_CHAR = "DRAFT-CONTROL-CHAR", Error, DataErr, Draft,
        "ký tự điều khiển trong một giá trị", "a control character in a value";
    DRAFT_NONCHARACTER = "DRAFT-NONCHARACTER", Error, DataErr, Draft,
        "ký tự không phải văn bản (Word không mở được)", "a character that is not text (Word cannot open it)";

    MARKUP_CLAUSE_ORDER = "MARKUP-CLAUSE-ORDER", Warning, Ok, Markup,
        "số khoản không liên tiếp", "clause numbers out of sequence";
    MARKUP_POINT_ORDER = "MARKUP-POINT-ORDER", Warning, Ok, Markup,
        "chữ cái điểm không liên tiếp", "point letters out of sequence";
    MARKUP_POINT_LETTER = "MARKUP-POINT-LETTER", Warning, Ok, Markup,
        "điểm dùng chữ không có trong bảng chữ cái tiếng Việt", "a point lettered outside the Vietnamese alphabet";
    MARKUP_SLOT_UNKNOWN = "MARKUP-SLOT-UNKNOWN", Warning, Ok, Markup,
        "chỗ cắm loại văn bản không có", "a slot the kind does not have";
    MARKUP_TRAILING_BREAK = "MARKUP-TRAILING-BREAK", Warning, Ok, Markup,
        "dấu \\ xuống dòng ở cuối trường, không còn dòng sau", "a line-break \\ at the end of a field, with no line after it";
    MARKUP_TABLE_COLUMNS = "MARKUP-TABLE-COLUMNS", Warning, Ok, Markup,
        "bảng quá 63 cột (giới hạn của Word)", "a table over Word's 63 columns";

    TEMPLATE_INVALID = "TEMPLATE-INVALID", Error, DataErr, Template,
        "mẫu văn bản sai", "a template is malformed";
    TEMPLATE_READ = "TEMPLATE-READ", Error, DataErr, Template,
        "không đọc được mẫu văn bản của văn phòng", "an office template cannot be read";
    TEMPLATE_RENDER = "TEMPLATE-RENDER", Error, DataErr, Template,
        "mẫu văn bản không điền được", "a template cannot be filled";
    TEMPLATE_STRAY = "TEMPLATE-STRAY", Warning, Ok, Template,
        "tệp trong thư mục mẫu không ứng với loại văn bản nào", "a file in the templates folder names no kind";
    TEMPLATES_DIR = "TEMPLATES-DIR", Error, NoInput, Template,
        "thư mục mẫu --templates không dùng được", "the --templates folder cannot be used";

    LAYOUT_ORGAN_WRAP = "LAYOUT-ORGAN-WRAP", Warning, Ok, Layout,
        "tên cơ quan xuống dòng trong cột đầu trang", "the organ's name wraps in the header column";

    DOCX_NOT_DOCX = "DOCX-NOT-DOCX", Error, DataErr, Docx,
        "tệp không phải DOCX", "the file is not a DOCX";
    DOCX_ZIP = "DOCX-ZIP", Error, DataErr, Docx,
        "gói zip của DOCX hỏng", "the DOCX's zip is broken";
    DOCX_NO_DOCUMENT = "DOCX-NO-DOCUMENT", Error, DataErr, Docx,
        "gói không có phần nội dung", "the package has no main part";
    DOCX_NO_BODY = "DOCX-NO-BODY", Error, DataErr, Docx,
        "phần nội dung không có thân văn bản", "the main part has no body";
    DOCX_XML = "DOCX-XML", Error, DataErr, Docx,
        "một phần của DOCX không phải XML hợp lệ", "a part of the DOCX is not well-formed XML";
    DOCX_TOO_LARGE = "DOCX-TOO-LARGE", Error, DataErr, Docx,
        "DOCX quá lớn để đọc (zip bomb, quá nhiều đoạn)", "the DOCX is too large to read (a zip bomb, too many paragraphs)";

    OUTPUT_EXISTS = "OUTPUT-EXISTS", Error, CantCreate, Output,
        "tệp kết quả đã có (thêm --force để ghi đè)", "the output exists (--force overwrites)";
    OUTPUT_DIR = "OUTPUT-DIR", Error, CantCreate, Output,
        "thư mục kết quả không dùng được", "the output folder cannot be used";
    OUTPUT_IS_DIR = "OUTPUT-IS-DIR", Error, CantCreate, Output,
        "đường dẫn kết quả là một thư mục", "the output path is a folder";
    OUTPUT_IS_INPUT = "OUTPUT-IS-INPUT", Error, CantCreate, Output,
        "tệp kết quả là một tệp đầu vào", "the output is one of the inputs";
    OUTPUT_CREATE = "OUTPUT-CREATE", Error, CantCreate, Output,
        "không tạo được tệp kết quả", "the output cannot be created";
    OUTPUT_WRITE = "OUTPUT-WRITE", Error, IoErr, Output,
        "lỗi ghi tệp kết quả", "writing the output failed";
    OUTPUT_STDOUT = "OUTPUT-STDOUT", Error, IoErr, Output,
        "không ghi được ra đầu ra chuẩn", "standard output could not be written";

    BATCH_READ = "BATCH-READ", Error, DataErr, Batch,
        "bảng tính không đọc được", "the spreadsheet cannot be read";
    BATCH_FORMAT = "BATCH-FORMAT", Error, DataErr, Batch,
        "loại bảng tính vbhc không đọc", "a spreadsheet format vbhc does not read";
    BATCH_SHEET = "BATCH-SHEET", Error, DataErr, Batch,
        "không có trang tính đã chọn", "the chosen sheet does not exist";
    BATCH_ENCODING = "BATCH-ENCODING", Error, DataErr, Batch,
        "tệp CSV không phải UTF-8", "the CSV is not UTF-8";
    BATCH_TOO_LARGE = "BATCH-TOO-LARGE", Error, DataErr, Batch,
        "bảng tính quá lớn", "the spreadsheet is too large";
    BATCH_NO_HEADER = "BATCH-NO-HEADER", Error, DataErr, Batch,
        "không thấy dòng tiêu đề cột", "no row of column headers";
    BATCH_HEADER_ROW = "BATCH-HEADER-ROW", Note, Ok, Batch,
        "tiêu đề cột không ở dòng 1", "the column headers are below row 1";
    BATCH_COLUMN = "BATCH-COLUMN", Error, DataErr, Batch,
        "cột trùng hoặc sai tên", "a duplicate or ill-named column";
    BATCH_MISSING_COLUMN = "BATCH-MISSING-COLUMN", Error, DataErr, Batch,
        "thiếu cột mà bản nháp gốc cần", "a column the base draft needs is missing";
    BATCH_UNUSED_COLUMN = "BATCH-UNUSED-COLUMN", Warning, Ok, Batch,
        "cột không được dùng", "a column nothing uses";
    BATCH_FIELD = "BATCH-FIELD", Error, DataErr, Batch,
        "{{…}} sai trong bản nháp gốc", "a bad {{…}} in the base draft";
    BATCH_NAME = "BATCH-NAME", Error, DataErr, Batch,
        "mẫu tên tệp sai", "the file-name pattern is wrong";
    BATCH_SAME_NAME = "BATCH-SAME-NAME", Error, DataErr, Batch,
        "hai dòng ghi vào một tệp", "two rows would write one file";
    BATCH_CELL_ERROR = "BATCH-CELL-ERROR", Error, DataErr, Batch,
        "ô chứa lỗi của bảng tính (#N/A …)", "a cell holds a spreadsheet error (#N/A …)";
    BATCH_FORMULA = "BATCH-FORMULA", Error, DataErr, Batch,
        "ô có công thức chưa tính giá trị", "a cell holds a formula with no computed value";
    BATCH_CELL_CHAR = "BATCH-CELL-CHAR", Error, DataErr, Batch,
        "ô chứa ký tự không phải văn bản", "a cell holds a character that is not text";
    BATCH_THREADS = "BATCH-THREADS", Error, Software, Batch,
        "không tạo được luồng làm việc", "worker threads cannot be started";

    CONFIG_READ = "CONFIG-READ", Error, Config, Config,
        "không đọc được tệp cấu hình", "the configuration cannot be read";
    CONFIG_INVALID = "CONFIG-INVALID", Error, Config, Config,
        "tệp cấu hình sai", "the configuration is wrong";
    CONFIG_TEMPLATES = "CONFIG-TEMPLATES", Error, Config, Config,
        "thư mục mẫu trong cấu hình không dùng được", "the configuration's templates folder cannot be used";

    PLUGIN_UNKNOWN = "PLUGIN-UNKNOWN", Error, DataErr, Plugin,
        "bản nháp cần một plugin không có", "the draft names a plugin nobody has";
    PLUGIN_MANIFEST = "PLUGIN-MANIFEST", Error, Config, Plugin,
        "plugin.toml sai", "plugin.toml is wrong";
    PLUGIN_DUPLICATE = "PLUGIN-DUPLICATE", Error, Config, Plugin,
        "hai plugin cùng mã", "two plugins with one id";
    PLUGIN_HASH = "PLUGIN-HASH", Error, Config, Plugin,
        "mã băm của tệp .wasm không khớp", "the .wasm's hash does not match";
    PLUGIN_SIGNATURE = "PLUGIN-SIGNATURE", Error, Config, Plugin,
        "chữ ký plugin sai", "the plugin's signature is wrong";
    PLUGIN_UNTRUSTED = "PLUGIN-UNTRUSTED", Error, Config, Plugin,
        "plugin ký bằng khóa chưa tin cậy", "the plugin is signed by a key not trusted";
    PLUGIN_KEY = "PLUGIN-KEY", Error, Config, Plugin,
        "tệp khóa công khai không đọc được", "a public key file cannot be read";
    PLUGIN_KEY_ID = "PLUGIN-KEY-ID", Error, Config, Plugin,
        "khóa không được ký plugin mã này", "the key may not sign this plugin id";
    PLUGIN_KEY_ANY_ID = "PLUGIN-KEY-ANY-ID", Warning, Ok, Plugin,
        "khóa không có tệp .ids ký được mọi mã", "a key without .ids signs any id";
    PLUGIN_DEMO_KEY = "PLUGIN-DEMO-KEY", Warning, Ok, Plugin,
        "khóa demo của vbhc được tin", "vbhc's demo key is trusted";
    PLUGIN_UNSIGNED = "PLUGIN-UNSIGNED", Error, Config, Plugin,
        "plugin chưa ký", "the plugin is unsigned";
    PLUGIN_UNSIGNED_RUN = "PLUGIN-UNSIGNED-RUN", Warning, Ok, Plugin,
        "một plugin chưa ký đã chạy", "an unsigned plugin ran";
    PLUGIN_SIGNER_CHANGED = "PLUGIN-SIGNER-CHANGED", Error, Config, Plugin,
        "cài đè plugin của người ký khác", "a reinstall over another signer's plugin";
    PLUGIN_SAME_VERSION = "PLUGIN-SAME-VERSION", Warning, Ok, Plugin,
        "cài lại cùng phiên bản nhưng tệp .wasm khác", "a reinstall changed the wasm but not the version";
    PLUGIN_INSTALL = "PLUGIN-INSTALL", Error, CantCreate, Plugin,
        "không cài hoặc gỡ được plugin", "the plugin cannot be installed or removed";
    PLUGIN_WASM = "PLUGIN-WASM", Error, Config, Plugin,
        "tệp .wasm không phải component", "the .wasm is not a component";
    PLUGIN_API = "PLUGIN-API", Error, Config, Plugin,
        "phiên bản giao diện plugin không hợp", "the plugin's interface version does not fit";
    PLUGIN_IMPORT = "PLUGIN-IMPORT", Error, Config, Plugin,
        "plugin dùng chức năng hộp cát không cấp", "the plugin imports what the sandbox does not give";
    PLUGIN_ENGINE = "PLUGIN-ENGINE", Error, Software, Plugin,
        "không khởi động được bộ chạy plugin", "the plugin engine cannot start";
    PLUGIN_CACHE_REPAIRED = "PLUGIN-CACHE-REPAIRED", Note, Ok, Plugin,
        "bản biên dịch lưu sẵn hỏng, đã biên dịch lại", "a damaged cached compilation was redone";
    PLUGIN_TIMEOUT = "PLUGIN-TIMEOUT", Error, Findings, Plugin,
        "plugin chạy quá thời gian", "the plugin ran past its time";
    PLUGIN_MEMORY = "PLUGIN-MEMORY", Error, Findings, Plugin,
        "plugin dùng quá bộ nhớ", "the plugin grew past its memory";
    PLUGIN_STACK = "PLUGIN-STACK", Error, Findings, Plugin,
        "plugin tràn ngăn xếp", "the plugin overflowed its stack";
    PLUGIN_PANIC = "PLUGIN-PANIC", Error, Findings, Plugin,
        "plugin bị lỗi (panic)", "the plugin panicked";
    PLUGIN_TRAP = "PLUGIN-TRAP", Error, Findings, Plugin,
        "plugin dừng bất thường", "the plugin trapped";
    PLUGIN_OUTPUT = "PLUGIN-OUTPUT", Error, Findings, Plugin,
        "câu trả lời của plugin sai hoặc quá giới hạn", "the plugin's answer is malformed or over a cap";
    PLUGIN_ORGAN_UNUSED = "PLUGIN-ORGAN-UNUSED", Note, Ok, Plugin,
        "bản nháp ghi cơ quan ban hành, không dùng cơ quan của plugin", "the draft names its organ; the plugin's is not used";

    INTERNAL_WRITE = "INTERNAL-WRITE", Error, Software, Internal,
        "lỗi nội bộ khi tạo DOCX", "an internal error building the DOCX";
    INTERNAL_PANIC = "INTERNAL-PANIC", Error, Software, Internal,
        "lỗi nội bộ của vbhc", "a bug in vbhc";
}

/// The registry's entry of `id`.
pub fn get(id: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for c in CODES {
            assert!(seen.insert(c.id), "{} twice", c.id);
            assert!(
                c.id.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'),
                "{}",
                c.id
            );
            assert!(
                !c.id.starts_with("ND30-"),
                "{}: the checker's rules are elsewhere",
                c.id
            );
            // An error stops with a failing status; a warning or note does not stop.
            assert_eq!(
                c.severity == Severity::Error,
                c.exit != Exit::Ok,
                "{}",
                c.id
            );
        }
    }
}
