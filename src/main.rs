//! The `decalque` binary: parse arguments, call the library, set the exit code.
#![allow(clippy::print_stderr)]

mod cli;
mod commands;
mod progress;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::commands::{Fatal, Status};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let result = match cli.command {
        Command::Check(args) => commands::check(args, &mut errors, &mut notes),
        Command::Fix(args) => commands::fix(args, &mut errors, &mut notes),
        Command::Rules(args) => commands::rules(args),
        Command::Explain(args) => commands::explain(args),
    };
    for note in &notes {
        eprintln!("decalque: warning: {note}");
    }
    for error in &errors {
        eprintln!("decalque: error: {error}");
    }
    match result {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Findings) => ExitCode::from(1),
        Ok(Status::Error) => ExitCode::from(2),
        Err(Fatal(message)) if message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(Fatal(message)) => {
            eprintln!("decalque: error: {message}");
            ExitCode::from(2)
        }
    }
}
