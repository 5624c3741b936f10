//! One exit-code table for every subcommand (sysexits.h numbers, so scripts and job runners
//! can tell a bad draft from a full disk). Printed by `vbhc --help` and in the README.

/// Exit status of a vbhc run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0 — done.
    Ok = 0,
    /// 1 — done, but findings at error level or some items failed.
    Findings = 1,
    /// 2 — usage: unknown option, missing argument.
    Usage = 2,
    /// 65 — malformed input: the draft or template is wrong.
    DataErr = 65,
    /// 66 — input missing: a file that does not exist or cannot be read as such.
    NoInput = 66,
    /// 70 — internal error: a bug in vbhc.
    Software = 70,
    /// 73 — cannot create output (exists without `--force`, folder missing).
    CantCreate = 73,
    /// 74 — I/O error while reading or writing.
    IoErr = 74,
    /// 78 — configuration or plugin refused.
    Config = 78,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// The table as printed in `--help` (Vietnamese and English).
pub const TABLE_VI: &str = "\
Mã thoát (mọi lệnh):
  0   xong
  1   xong nhưng có lỗi ở mức error, hoặc có mục thất bại
  2   sai cách dùng lệnh
  65  dữ liệu vào sai (bản nháp, mẫu)
  66  không có tệp đầu vào
  70  lỗi nội bộ của vbhc
  73  không tạo được tệp kết quả
  74  lỗi đọc/ghi
  78  cấu hình hoặc plugin bị từ chối";

pub const TABLE_EN: &str = "\
Exit codes (every command):
  0   done
  1   done, but error-level findings or some items failed
  2   usage error
  65  malformed input (draft, template)
  66  input missing
  70  internal error
  73  cannot create output
  74  I/O error
  78  configuration or plugin refused";
