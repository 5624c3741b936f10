//! Where findings go: compiler-style lines on stderr, or JSON Lines on stdout with a closing
//! summary record. Every subcommand reports through this one place.

use super::Format;
use crate::exit::Exit;
use crate::finding::{Finding, Severity, Summary};
use crate::i18n::Lang;
use std::path::PathBuf;

pub struct Reporter {
    human: super::human::Human,
    pub lang: Lang,
    pub format: Format,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub outputs: Vec<PathBuf>,
    /// Files read and checked.
    pub inputs: Vec<PathBuf>,
    worst: Exit,
}

impl Reporter {
    pub fn new(lang: Lang, format: Format) -> Self {
        Self {
            human: super::human::Human::new(lang),
            lang,
            format,
            errors: 0,
            warnings: 0,
            notes: 0,
            outputs: Vec::new(),
            inputs: Vec::new(),
            worst: Exit::Ok,
        }
    }

    pub fn finding(&mut self, f: &Finding) {
        match f.severity {
            Severity::Error => {
                self.errors += 1;
                self.worst = self.worst.max(f.exit);
            }
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
        match self.format {
            Format::Human => eprintln!("{}", self.human.render(f)),
            Format::Json => crate::outln!("{}", f.json()),
        }
    }

    pub fn findings(&mut self, fs: &[Finding]) {
        for f in fs {
            self.finding(f);
        }
    }

    /// A plain success line (human format only; JSON has the summary).
    pub fn done(&self, vi: &str, en: &str) {
        if self.format == Format::Human {
            eprintln!("{}", if self.lang == Lang::Vi { vi } else { en });
        }
    }

    /// Ends the run: prints the JSON summary and returns the exit code.
    pub fn finish(&mut self, command: &'static str) -> Exit {
        let exit = self.worst;
        if self.format == Format::Json {
            crate::outln!(
                "{}",
                Summary {
                    command,
                    errors: self.errors,
                    warnings: self.warnings,
                    notes: self.notes,
                    exit: exit.code(),
                    outputs: std::mem::take(&mut self.outputs),
                    inputs: std::mem::take(&mut self.inputs),
                }
                .json()
            );
        }
        exit
    }
}
