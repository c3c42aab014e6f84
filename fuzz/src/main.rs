//! routewijzer-fuzz: a stable-Rust fuzz harness for the routewijzer core.
//!
//! The parent process runs each target in a child process of this same binary
//! (`--worker`), so a crash that cannot be caught (a stack overflow, an abort, running
//! out of memory) is still found and its input saved: the child reports its progress,
//! and the parent replays from the last report with every input traced to a file.
//! Inside the child every input runs under `catch_unwind`, timed: a panic or an input
//! slower than `--slow-ms` is a finding, saved to `--crashes`; a watchdog thread saves
//! an input still running after `--timeout` seconds as a hang and ends the child.
//!
//! Input `i` of a target is a pure function of the seed, the target and `i` (the
//! regressions and seeds first, then mutations), so a run is reproducible from
//! `--seed` (exactly so with `--runs`).
//!
//! See RELIABILITY.md for how to run it and what each target covers.

mod mutate;
mod rng;
mod targets;

use mutate::{Corpus, Dict, Seed};
use rng::{fnv1a, mix, Rng};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use targets::{Harness, Target};

const USAGE: &str = "\
usage: routewijzer-fuzz [--target T[:W],...] [--seconds N] [--runs N] [--seed S]
                        [--corpus DIR] [--crashes DIR] [--slow-ms MS] [--timeout S]
       routewijzer-fuzz --replay FILE... [--target T,...]
       routewijzer-fuzz --check-seeds

  --target   targets to run, comma-separated, each with an optional weight (its
             share of --seconds): reader, profile-match, catalog-match, all
             (default: all, equal weights)
  --seconds  total wall-clock time, split over the targets by weight (default 45
             unless --runs is given)
  --runs     at most this many executions per target
  --seed     the run's seed (default: from the clock; printed, so a run can be repeated)
  --corpus   the corpus folder: <target>/ seeds and regressions/ (default fuzz/corpus)
  --crashes  where findings are saved (default fuzz/crashes)
  --slow-ms  an input taking longer is a \"slow\" finding (default 1000)
  --timeout  an input running longer is a hang: saved, and the target stops (default 10)
  --replay   run the given files once through the targets and report what happens
  --check-seeds  say which corpus files read as a valid profile or catalog
  --inject K     self-check of the harness: misbehave on the 10th mutated input of each
                 target (K: panic, slow, hang or abort); every target must then fail";

/// Where this crate lives: the corpus, crashes and the repository are found from here.
const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

struct Args {
    targets: Vec<(Target, f64)>,
    seconds: Option<f64>,
    runs: Option<u64>,
    seed: u64,
    corpus: PathBuf,
    crashes: PathBuf,
    repo: PathBuf,
    slow_ms: u64,
    timeout_s: u64,
    replay: Vec<PathBuf>,
    check_seeds: bool,
    /// Self-check: misbehave on purpose on one input (panic, slow, hang, abort).
    inject: Option<String>,
    // Internal: the child process of one target.
    worker: bool,
    start: u64,
    trace: Option<PathBuf>,
}

fn parse_args(argv: &[String]) -> Result<Args, String> {
    let mut a = Args {
        targets: Target::ALL.iter().map(|&t| (t, 1.0)).collect(),
        seconds: None,
        runs: None,
        seed: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64 % 1_000_000_000)
            .unwrap_or(1),
        corpus: Path::new(CRATE_DIR).join("corpus"),
        crashes: Path::new(CRATE_DIR).join("crashes"),
        repo: Path::new(CRATE_DIR).join(".."),
        slow_ms: 1000,
        timeout_s: 10,
        replay: vec![],
        check_seeds: false,
        inject: None,
        worker: false,
        start: 0,
        trace: None,
    };
    let mut k = 0;
    while k < argv.len() {
        let arg = argv[k].as_str();
        k += 1;
        let mut value = || {
            k += 1;
            argv.get(k - 1).cloned().ok_or(format!("{arg} needs a value"))
        };
        let num = |v: String| v.parse::<u64>().map_err(|_| format!("{arg}: '{v}' is not a whole number"));
        match arg {
            "--target" | "--worker" => {
                a.worker |= arg == "--worker";
                a.targets = parse_targets(&value()?)?;
            }
            "--seconds" => {
                let v = value()?;
                a.seconds = Some(v.parse().map_err(|_| format!("--seconds: '{v}' is not a number"))?)
            }
            "--runs" => a.runs = Some(num(value()?)?),
            "--seed" => a.seed = num(value()?)?,
            "--corpus" => a.corpus = value()?.into(),
            "--crashes" => a.crashes = value()?.into(),
            "--slow-ms" => a.slow_ms = num(value()?)?,
            "--timeout" => a.timeout_s = num(value()?)?.max(1),
            "--start" => a.start = num(value()?)?,
            "--trace" => a.trace = Some(value()?.into()),
            "--replay" => {
                while k < argv.len() && !argv[k].starts_with("--") {
                    a.replay.push(argv[k].clone().into());
                    k += 1;
                }
                if a.replay.is_empty() {
                    return Err("--replay needs files".into());
                }
            }
            "--check-seeds" => a.check_seeds = true,
            "--inject" => {
                let v = value()?;
                if !["panic", "slow", "hang", "abort"].contains(&v.as_str()) {
                    return Err(format!("--inject: '{v}' is not panic, slow, hang or abort"));
                }
                a.inject = Some(v);
            }
            "-h" | "--help" => return Err(String::new()),
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    if a.seconds.is_none() && a.runs.is_none() {
        a.seconds = Some(45.0);
    }
    Ok(a)
}

fn parse_targets(spec: &str) -> Result<Vec<(Target, f64)>, String> {
    let mut out = Vec::new();
    for part in spec.split(',').filter(|p| !p.is_empty()) {
        let (name, weight) = match part.split_once(':') {
            Some((n, w)) => (n, w.parse::<f64>().map_err(|_| format!("weight '{w}' is not a number"))?),
            None => (part, 1.0),
        };
        if weight.is_nan() || weight <= 0.0 {
            return Err(format!("weight of '{name}' must be positive"));
        }
        if name == "all" {
            out.extend(Target::ALL.iter().map(|&t| (t, weight)));
            continue;
        }
        let t = Target::parse(name).ok_or(format!("unknown target '{name}' (reader, profile-match, catalog-match)"))?;
        out.push((t, weight));
    }
    if out.is_empty() {
        return Err("no target".into());
    }
    Ok(out)
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("routewijzer-fuzz: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    install_panic_hook();
    if !args.replay.is_empty() {
        return replay(&args);
    }
    if args.check_seeds {
        return check_seeds(&args);
    }
    if args.worker {
        return worker(&args);
    }
    supervise(&args)
}

// ---------------------------------------------------------------------------------
// Panics: the hook records the message, the location and the library frames.

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

fn install_panic_hook() {
    let src = Path::new(CRATE_DIR).join("..").join("src");
    let src = src.canonicalize().unwrap_or(src).display().to_string();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(non-string panic payload)".into());
        let at = info.location().map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column())).unwrap_or_default();
        // The library's frames, innermost first: where in src/ the panic came from.
        let bt = std::backtrace::Backtrace::force_capture().to_string();
        let frames: Vec<&str> =
            bt.lines().map(str::trim).filter(|l| l.starts_with("at ") && l.contains(&src)).take(6).collect();
        let mut text = format!("panicked at {at}: {msg}");
        for f in frames {
            text.push_str("\n    ");
            text.push_str(&f.replace(&src, "src"));
        }
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
    }));
}

fn take_panic() -> String {
    LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| "panic (no message)".into())
}

// ---------------------------------------------------------------------------------
// The corpus of a target.

/// Files of a folder, sorted, without dotfiles and READMEs.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else { return vec![] };
    let mut files: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && !name.starts_with("README")
        })
        .collect();
    files.sort();
    files
}

/// A target's fixed inputs (regressions first, then seeds) and its mutation corpus.
struct Inputs {
    fixed: Vec<Seed>,
    regressions: usize,
    corpus: Corpus,
}

fn load_inputs(target: Target, args: &Args) -> Result<Inputs, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let rel = |p: &Path| p.strip_prefix(&args.corpus).unwrap_or(p).display().to_string();
    let mut fixed = Vec::new();
    for p in files_in(&args.corpus.join("regressions")) {
        fixed.push(Seed::new(rel(&p), read(&p)?));
    }
    let regressions = fixed.len();
    let mut seeds = Vec::new();
    for dir in target.corpus_dirs() {
        for p in files_in(&args.corpus.join(dir)) {
            seeds.push(Seed::new(rel(&p), read(&p)?));
        }
    }
    for f in target.repo_seeds() {
        seeds.push(Seed::new(f.to_string(), read(&args.repo.join(f))?));
    }
    if seeds.is_empty() {
        return Err(format!("no seeds for {} in {}", target.name(), args.corpus.display()));
    }
    let mut dict = Dict::default();
    for s in fixed.iter().chain(&seeds) {
        if let Some(v) = &s.json {
            dict.add_doc(v);
        }
    }
    for f in target.dict_docs() {
        if let Ok(v) = serde_json::from_slice(&read(&args.repo.join(f))?) {
            dict.add_doc(&v);
        }
    }
    dict.add_strings(vocabulary());
    // Regressions are mutated too: they sit where bugs were.
    let mut mutation_seeds: Vec<Seed> =
        fixed.iter().map(|s| Seed { name: s.name.clone(), bytes: s.bytes.clone(), json: s.json.clone() }).collect();
    mutation_seeds.extend(seeds.iter().map(|s| Seed {
        name: s.name.clone(),
        bytes: s.bytes.clone(),
        json: s.json.clone(),
    }));
    fixed.extend(seeds);
    Ok(Inputs { fixed, regressions, corpus: Corpus::new(mutation_seeds, dict) })
}

/// Every id of the vocabulary, so string mutations can produce valid ids.
fn vocabulary() -> Vec<&'static str> {
    use routewijzer::*;
    let mut ids: Vec<&'static str> = Vec::new();
    ids.extend(Sector::ALL.iter().map(|v| v.id()));
    ids.extend(Qualification::ALL.iter().map(|v| v.id()));
    ids.extend(Level::ALL.iter().map(|v| v.id()));
    ids.extend(RouteKind::ALL.iter().map(|v| v.id()));
    ids.extend(Mode::ALL.iter().map(|v| v.id()));
    ids.extend(Subject::ALL.iter().map(|v| v.id()));
    ids.extend(Dutch::ALL.iter().map(|v| v.id()));
    ids.extend(Role::ALL.iter().map(|v| v.id()));
    ids.extend(PaboTest::ALL.iter().map(|v| v.id()));
    ids.extend(EarnWish::ALL.iter().map(|v| v.id()));
    ids.extend(EmploymentType::ALL.iter().map(|v| v.id()));
    ids.extend(IntakeStatus::ALL.iter().map(|v| v.id()));
    ids.extend(SourceStatus::ALL.iter().map(|v| v.id()));
    ids.extend(Effect::ALL.iter().map(|v| v.id()));
    ids.extend(CostBasis::ALL.iter().map(|v| v.id()));
    ids.extend(TestType::ALL.iter().map(|v| v.id()));
    ids
}

/// Everything a worker needs to produce input `i`.
struct Source {
    target: Target,
    inputs: Inputs,
    seed: u64,
}

impl Source {
    /// Input `i`: the fixed inputs, then mutations (a pure function of seed, target and `i`).
    fn input(&self, i: u64) -> Vec<u8> {
        match self.inputs.fixed.get(i as usize) {
            Some(s) => s.bytes.clone(),
            None => self.inputs.corpus.generate(&mut Rng::new(mix(self.seed, i)), self.target.mix()),
        }
    }

    /// What input `i` is, for reports.
    fn describe(&self, i: u64) -> String {
        match self.inputs.fixed.get(i as usize) {
            Some(s) if (i as usize) < self.inputs.regressions => format!("regression {}", s.name),
            Some(s) => format!("seed {}", s.name),
            None => format!("mutation #{i}"),
        }
    }
}

fn target_seed(seed: u64, target: Target) -> u64 {
    mix(seed, fnv1a(target.name().as_bytes()))
}

// ---------------------------------------------------------------------------------
// Findings.

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Panic,
    Slow,
    Hang,
    Abort,
}

impl Kind {
    fn tag(self) -> &'static str {
        match self {
            Kind::Panic => "",
            Kind::Slow => "slow-",
            Kind::Hang => "hang-",
            Kind::Abort => "abort-",
        }
    }
}

/// Saves a finding as `<target>-[kind-]<hash>.json` with a `.txt` note beside it, and prints it.
fn save_finding(crashes: &Path, target: Target, kind: Kind, input: &[u8], note: &str) -> PathBuf {
    let _ = std::fs::create_dir_all(crashes);
    let name = format!("{}-{}{:016x}", target.name(), kind.tag(), fnv1a(input));
    let path = crashes.join(format!("{name}.json"));
    let _ = std::fs::write(&path, input);
    let _ = std::fs::write(crashes.join(format!("{name}.txt")), format!("{note}\n"));
    let shown = String::from_utf8_lossy(&input[..input.len().min(1500)]);
    let more = if input.len() > 1500 { format!("\n    … ({} bytes in all)", input.len()) } else { String::new() };
    println!("FINDING {}: {note}\n  saved: {}\n  input: {shown}{more}", target.name(), path.display());
    path
}

// ---------------------------------------------------------------------------------
// The worker: one target in one process.

fn worker(args: &Args) -> ExitCode {
    let target = args.targets[0].0;
    let harness = match Harness::new(target, &args.repo) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("{}: cannot set up: {e}", target.name());
            return ExitCode::from(2);
        }
    };
    let inputs = match load_inputs(target, args) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{}: {e}", target.name());
            return ExitCode::from(2);
        }
    };
    let source = Arc::new(Source { target, inputs, seed: target_seed(args.seed, target) });
    let n_fixed = source.inputs.fixed.len() as u64;

    // The watchdog: an input running longer than the timeout is a hang.
    let epoch = Instant::now();
    let current = Arc::new(AtomicU64::new(u64::MAX));
    let started = Arc::new(AtomicU64::new(0));
    {
        let (current, started, source) = (current.clone(), started.clone(), source.clone());
        let (timeout, crashes, seed) = (Duration::from_secs(args.timeout_s), args.crashes.clone(), args.seed);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(100));
            let i = current.load(Ordering::SeqCst);
            if i == u64::MAX {
                continue;
            }
            let since = Duration::from_nanos(started.load(Ordering::SeqCst));
            if epoch.elapsed().saturating_sub(since) > timeout && current.load(Ordering::SeqCst) == i {
                let note = format!(
                    "hang: still running after {} s ({}, seed {seed}); replay: routewijzer-fuzz --target {} --replay FILE",
                    timeout.as_secs(),
                    source.describe(i),
                    target.name()
                );
                save_finding(&crashes, target, Kind::Hang, &source.input(i), &note);
                println!("@progress {i}");
                let _ = std::io::stdout().flush();
                std::process::exit(3);
            }
        });
    }

    let deadline = args.seconds.map(|s| epoch + Duration::from_secs_f64(s));
    let runs = args.runs.unwrap_or(u64::MAX);
    let slow = Duration::from_millis(args.slow_ms);
    let mut findings = 0u64;
    let mut accepted = 0u64;
    // Inputs saved per panic site: a bug found a thousand times is saved three times.
    let mut per_site: HashMap<String, u64> = HashMap::new();
    let mut last_report = Instant::now();
    let mut last_status = Instant::now();
    let mut i = args.start;
    let first = i;
    // Not locked for the whole loop: the watchdog prints too.
    let mut out = std::io::stdout();
    loop {
        // Fixed inputs (regressions and seeds) always run; mutations until time or runs are up.
        if i >= n_fixed && (i - first >= runs || deadline.is_some_and(|d| Instant::now() >= d)) {
            break;
        }
        let input = source.input(i);
        if let Some(t) = &args.trace {
            let _ = std::fs::write(t, &input);
        }
        started.store(epoch.elapsed().as_nanos() as u64, Ordering::SeqCst);
        current.store(i, Ordering::SeqCst);
        let t0 = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| {
            if i == n_fixed + 10 {
                inject(args.inject.as_deref(), slow);
            }
            harness.run(&input)
        }));
        let took = t0.elapsed();
        current.store(u64::MAX, Ordering::SeqCst);
        let finding = match result {
            Err(_) => Some((Kind::Panic, take_panic())),
            Ok(ok) => {
                accepted += u64::from(ok);
                (took > slow).then(|| (Kind::Slow, format!("slow: {:.2} s", took.as_secs_f64())))
            }
        };
        if let Some((kind, msg)) = finding {
            findings += 1;
            // The same bug is the same place (a panic) or the same kind (slow).
            let site = match kind {
                Kind::Panic => msg.split(": ").next().unwrap_or("").to_string(),
                _ => "slow".to_string(),
            };
            let seen = per_site.entry(site).or_insert(0);
            *seen += 1;
            if *seen <= 3 {
                let note = format!(
                    "{msg}\n  ({}, seed {}; replay: routewijzer-fuzz --target {} --replay FILE)",
                    source.describe(i),
                    args.seed,
                    target.name()
                );
                save_finding(&args.crashes, target, kind, &input, &note);
            }
        }
        i += 1;
        if last_report.elapsed() >= Duration::from_millis(500) {
            let _ = writeln!(out, "@progress {i}");
            let _ = out.flush();
            last_report = Instant::now();
            if last_status.elapsed() >= Duration::from_secs(30) {
                let secs = epoch.elapsed().as_secs_f64();
                let _ = writeln!(
                    out,
                    "  {}: {} execs, {:.0}/s, {findings} findings",
                    target.name(),
                    i - first,
                    (i - first) as f64 / secs
                );
                last_status = Instant::now();
            }
        }
    }
    let secs = epoch.elapsed().as_secs_f64();
    let _ = writeln!(out, "@stats {} {secs:.3} {findings} {accepted}", i - first);
    let _ = out.flush();
    ExitCode::from(if findings > 0 { 1 } else { 0 })
}

/// Misbehaves on purpose (`--inject`), to show the harness catches it.
fn inject(kind: Option<&str>, slow: Duration) {
    match kind {
        Some("panic") => panic!("injected panic (--inject panic)"),
        Some("slow") => std::thread::sleep(slow + Duration::from_millis(200)),
        Some("hang") => loop {
            std::thread::sleep(Duration::from_secs(1));
        },
        Some("abort") => std::process::abort(),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------
// The parent: runs each target's worker, replays crashes, sums up.

struct Outcome {
    target: Target,
    execs: u64,
    secs: f64,
    findings: u64,
    accepted: u64,
    note: String,
}

fn worker_command(args: &Args, target: Target, seconds: Option<f64>) -> Command {
    let mut c = Command::new(std::env::current_exe().expect("own path"));
    c.arg("--worker").arg(target.name());
    if let Some(s) = seconds {
        c.arg("--seconds").arg(format!("{s:.3}"));
    }
    if let Some(r) = args.runs {
        c.arg("--runs").arg(r.to_string());
    }
    c.arg("--seed").arg(args.seed.to_string());
    c.arg("--corpus").arg(&args.corpus).arg("--crashes").arg(&args.crashes);
    c.arg("--slow-ms").arg(args.slow_ms.to_string()).arg("--timeout").arg(args.timeout_s.to_string());
    if let Some(k) = &args.inject {
        c.arg("--inject").arg(k);
    }
    c.stdout(Stdio::piped());
    c
}

/// Runs a worker, echoing its lines; returns (exit status, last progress, stats).
/// Stats of a worker that finished: executions, seconds, findings, inputs accepted.
type Stats = (u64, f64, u64, u64);

fn run_worker(mut cmd: Command) -> (std::process::ExitStatus, u64, Option<Stats>) {
    let mut child = cmd.spawn().expect("start a worker");
    let mut progress = 0;
    let mut stats = None;
    for line in BufReader::new(child.stdout.take().expect("piped")).lines().map_while(Result::ok) {
        if let Some(n) = line.strip_prefix("@progress ") {
            progress = n.parse().unwrap_or(progress);
        } else if let Some(s) = line.strip_prefix("@stats ") {
            let f: Vec<&str> = s.split(' ').collect();
            let n = |k: usize| f.get(k).and_then(|x| x.parse().ok()).unwrap_or(0);
            stats = Some((n(0), f.get(1).and_then(|x| x.parse().ok()).unwrap_or(0.0), n(2), n(3)));
        } else {
            println!("{line}");
        }
    }
    let status = child.wait().expect("wait for a worker");
    (status, progress, stats)
}

fn supervise(args: &Args) -> ExitCode {
    println!(
        "routewijzer-fuzz: seed {} (repeat with --seed {}), targets {}, {}",
        args.seed,
        args.seed,
        args.targets.iter().map(|t| t.0.name()).collect::<Vec<_>>().join(", "),
        match (args.seconds, args.runs) {
            (Some(s), Some(r)) => format!("{s} s in all, at most {r} runs each"),
            (Some(s), None) => format!("{s} s in all"),
            (None, Some(r)) => format!("{r} runs each"),
            (None, None) => unreachable!(),
        }
    );
    let started = Instant::now();
    let mut outcomes = Vec::new();
    for (k, &(target, weight)) in args.targets.iter().enumerate() {
        // Time left is shared out again before each target, so an early finish is not lost.
        let seconds = args.seconds.map(|s| {
            let left: f64 = args.targets[k..].iter().map(|t| t.1).sum();
            (s - started.elapsed().as_secs_f64()).max(0.5) * weight / left
        });
        let t0 = Instant::now();
        let (status, progress, stats) = run_worker(worker_command(args, target, seconds));
        let wall = t0.elapsed().as_secs_f64();
        let mut o = Outcome { target, execs: progress, secs: wall, findings: 0, accepted: 0, note: String::new() };
        if let Some((execs, secs, findings, accepted)) = stats {
            (o.execs, o.secs, o.findings, o.accepted) = (execs, secs, findings, accepted);
        }
        match status.code() {
            Some(0) => {}
            Some(1) => {}
            Some(2) => {
                o.findings += 1;
                o.note = "could not start".into();
            }
            Some(3) => {
                o.findings += 1;
                o.note = "hang (saved)".into();
            }
            _ => {
                o.findings += 1;
                o.note = format!("crashed ({status}); replaying from input {progress} to find the input");
                println!("{}: worker crashed ({status}) after about {progress} inputs", target.name());
                replay_crash(args, target, progress, status);
            }
        }
        println!(
            "{}: {} execs in {:.1} s ({:.0} execs/s), {:.1}% accepted, {} findings{}",
            target.name(),
            o.execs,
            o.secs,
            o.execs as f64 / o.secs.max(1e-9),
            percent(o.accepted, o.execs),
            o.findings,
            if o.note.is_empty() { String::new() } else { format!(" [{}]", o.note) }
        );
        outcomes.push(o);
    }
    let execs: u64 = outcomes.iter().map(|o| o.execs).sum();
    let secs = started.elapsed().as_secs_f64();
    println!("\nsummary (seed {}):", args.seed);
    println!(
        "  {:<14} {:>12} {:>9} {:>10} {:>9} {:>9}",
        "target", "execs", "seconds", "execs/s", "accepted", "findings"
    );
    for o in &outcomes {
        println!(
            "  {:<14} {:>12} {:>9.1} {:>10.0} {:>8.1}% {:>9}",
            o.target.name(),
            o.execs,
            o.secs,
            o.execs as f64 / o.secs.max(1e-9),
            percent(o.accepted, o.execs),
            o.findings
        );
    }
    println!("  {:<14} {:>12} {:>9.1} {:>10.0}", "total", execs, secs, execs as f64 / secs.max(1e-9));
    let failed = outcomes.iter().filter(|o| o.findings > 0).count();
    if failed > 0 {
        println!(
            "findings are in {}; move real ones to {}",
            args.crashes.display(),
            args.corpus.join("regressions").display()
        );
    }
    println!("fuzz: {} passed, {} failed", outcomes.len() - failed, failed);
    ExitCode::from(if failed > 0 { 1 } else { 0 })
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// A worker died in a way it could not report: run the same inputs again from its
/// last progress report, each written to a trace file first, and save the one it dies on.
fn replay_crash(args: &Args, target: Target, from: u64, first: std::process::ExitStatus) {
    let _ = std::fs::create_dir_all(&args.crashes);
    let trace = args.crashes.join(format!(".trace-{}", target.name()));
    let mut cmd = worker_command(args, target, Some(120.0));
    cmd.arg("--start").arg(from.to_string()).arg("--trace").arg(&trace);
    let (status, _, _) = run_worker(cmd);
    let input = std::fs::read(&trace).unwrap_or_default();
    let _ = std::fs::remove_file(&trace);
    let again = !matches!(status.code(), Some(0) | Some(1));
    let note = if again {
        format!("abort: the worker died ({status}); first run: {first}; seed {}", args.seed)
    } else {
        format!(
            "abort: the worker died ({first}) but not again on replay; the last input traced is saved; seed {}",
            args.seed
        )
    };
    save_finding(&args.crashes, target, Kind::Abort, &input, &note);
}

// ---------------------------------------------------------------------------------
// Replay: files once through the targets, in this process.

fn replay(args: &Args) -> ExitCode {
    let mut failed = 0;
    for &(target, _) in &args.targets {
        let harness = match Harness::new(target, &args.repo) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("{}: cannot set up: {e}", target.name());
                return ExitCode::from(2);
            }
        };
        for f in &args.replay {
            let Ok(input) = std::fs::read(f) else {
                eprintln!("cannot read {}", f.display());
                return ExitCode::from(2);
            };
            let t0 = Instant::now();
            let result = catch_unwind(AssertUnwindSafe(|| harness.run(&input)));
            let took = t0.elapsed().as_secs_f64();
            match result {
                Ok(accepted) => println!(
                    "{} {}: ok in {took:.3} s ({})",
                    target.name(),
                    f.display(),
                    if accepted { "accepted" } else { "rejected as invalid" }
                ),
                Err(_) => {
                    failed += 1;
                    println!("{} {}: {}", target.name(), f.display(), take_panic());
                }
            }
        }
    }
    ExitCode::from(if failed > 0 { 1 } else { 0 })
}

/// Which corpus files read as a valid profile or catalog (a seed that reads as neither
/// still seeds mutations, but reaches less of the matcher).
fn check_seeds(args: &Args) -> ExitCode {
    use routewijzer::model::parse::{catalog_from_str, profile_from_str};
    let mut dirs: Vec<&str> = Target::ALL.iter().flat_map(|t| t.corpus_dirs().iter().copied()).collect();
    dirs.push("regressions");
    dirs.sort();
    dirs.dedup();
    for dir in dirs {
        for p in files_in(&args.corpus.join(dir)) {
            let text = String::from_utf8_lossy(&std::fs::read(&p).unwrap_or_default()).into_owned();
            let verdict = |r: Result<(), routewijzer::InputError>| match r {
                Ok(()) => "valid".to_string(),
                Err(e) => format!("invalid ({} problems)", e.problems.len()),
            };
            println!(
                "{dir}/{}: profile {}, catalog {}",
                p.file_name().unwrap_or_default().to_string_lossy(),
                verdict(profile_from_str(&text).map(|_| ())),
                verdict(catalog_from_str(&text).map(|_| ()))
            );
        }
    }
    ExitCode::SUCCESS
}
