//! A text document judged table by table as it is read ([`read_each`]):
//! each table is judged and dropped, so memory is bounded by the largest
//! table (and the file), not by the document model of the whole file. The
//! results are those of [`super::verify`] and [`super::verify_text`] on the
//! [`crate::read::text::read`] document, in the same order: the tables as
//! they come, then the reader's notices, then the running text's claims.
//!
//! The claim reader reads only paragraphs with a quantity (and notes the
//! over-long ones, [`claims::reading`]); only those are kept. When one is
//! read, the claim reader ties its figures to every table of the document:
//! then the document is read once more for the claims alone, its tables
//! visited one by one and dropped ([`claims::read_with`]).

use super::{claims, verify_table_taken, verify_text, Options, TableReport, TextReport};
use crate::document::{Block, Document, Notice, Paragraph};
use crate::error::InputError;
use crate::read::text::{read_each, read_found, FoundTable, Piece};
use crate::read::{text_of, Source};

/// What judging a text document's tables leaves for its running text.
pub struct Streamed {
    /// The reader's notices, in [`crate::read::text::read`]'s order.
    pub notices: Vec<Notice>,
    /// The paragraphs the claim reader reads, as a document of their own.
    running: Document,
    /// Whether the claim reader reads a paragraph's figures (and so ties
    /// them to the document's tables).
    reads_figures: bool,
}

/// How many threads judge a text document's tables, and in batches of how
/// many tables (the reader's thread reads, and prints in order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lanes {
    /// Threads judging tables; 0 or 1: the reader's thread judges them.
    pub threads: usize,
    /// Tables handed to a thread at a time.
    pub batch: usize,
}

/// Documents smaller than this are judged on the reader's thread.
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// The most threads judging tables (ripgrep's bound too): memory grows with
/// the batches in flight, up to three per thread. The reader's thread
/// finds the blocks and prints alone, about a tenth of the CPU time on the
/// table-dense benchmark (tables are split into cells and reports digested
/// on the judging threads), so beyond about ten cores it, not judging,
/// sets the pace.
pub const MAX_THREADS: usize = 12;

/// The most tables and cells in one batch: memory stays bounded by a few
/// batches in flight, whatever the document's size. Each batch handed over
/// wakes a sleeping thread: 64 tables a batch cost 4 % more CPU time on the
/// table-dense benchmark than 256 (README, Speed).
const BATCH_TABLES: usize = 256;
const BATCH_CELLS: usize = 100_000;
/// And the most bytes of running text in one batch (the paragraphs go
/// with the tables, see [`Item`]).
const BATCH_TEXT: usize = 256 * 1024;

/// What the reader's thread hands a judging thread: a table, or a
/// paragraph for the claim reader's look.
enum Item<'t> {
    Table(FoundTable<'t>),
    Paragraph(Paragraph),
}

/// What a judging thread hands back, in the items' order.
enum Judged<R> {
    /// A table's report.
    Report(R),
    /// A paragraph the claim reader reads, and whether it reads its figures.
    Kept(Paragraph, bool),
    /// A paragraph it passes over.
    Passed,
}

/// Reads a text document and judges its tables one by one, calling `sink`
/// as [`super::verify`] does, in the document's order. A document of a
/// megabyte or more has its tables judged on as many threads as the machine
/// has cores, up to [`MAX_THREADS`], batch by batch. Undecodable input is
/// an error, before any table.
pub fn verify_text_tables(
    source: &Source,
    options: &Options,
    sink: impl FnMut(TableReport),
) -> Result<Streamed, InputError> {
    verify_text_tables_as(source, options, |t| t, sink)
}

/// As [`verify_text_tables`], each table's report first passed through
/// `prepare` on the thread that judged it: what the sink does not need is
/// then freed there, not on the reader's thread.
pub fn verify_text_tables_as<R: Send>(
    source: &Source,
    options: &Options,
    prepare: impl Fn(TableReport) -> R + Sync,
    sink: impl FnMut(R),
) -> Result<Streamed, InputError> {
    let threads = if source.bytes.len() >= PARALLEL_FROM_BYTES {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
    } else {
        1
    };
    verify_text_tables_in_as(
        source,
        options,
        Lanes {
            threads,
            batch: BATCH_TABLES,
        },
        prepare,
        sink,
    )
}

/// As [`verify_text_tables`], on the threads `lanes` says.
pub fn verify_text_tables_in(
    source: &Source,
    options: &Options,
    lanes: Lanes,
    sink: impl FnMut(TableReport),
) -> Result<Streamed, InputError> {
    verify_text_tables_in_as(source, options, lanes, |t| t, sink)
}

/// As [`verify_text_tables_in`], with [`verify_text_tables_as`]'s `prepare`.
fn verify_text_tables_in_as<R: Send>(
    source: &Source,
    options: &Options,
    lanes: Lanes,
    prepare: impl Fn(TableReport) -> R + Sync,
    mut sink: impl FnMut(R),
) -> Result<Streamed, InputError> {
    let decoded = text_of(source)?;
    let mut running = Document::new(source.name, source.style);
    let mut reads_figures = false;
    let mut notices: Vec<Notice> = decoded.notice.clone().into_iter().collect();
    let judge = |t: FoundTable| {
        // A tab table's cells are made here, on the judging thread.
        let t = t.table();
        let style = t.style.unwrap_or(source.style);
        prepare(verify_table_taken(source.name, t, style, options))
    };
    // Which paragraphs the claim reader reads ([`claims::reading`]), and
    // whether it reads their figures.
    let look = |p: &Paragraph| match claims::reading(p, source.style) {
        claims::Reading::Passed => None,
        claims::Reading::TooLong => Some(false),
        claims::Reading::Read(_) => Some(true),
    };
    let mut keep = |p: Paragraph, figures: bool| {
        reads_figures |= figures;
        running.blocks.push(Block::Paragraph(p));
    };
    let found = if lanes.threads < 2 {
        read_found(&decoded.text, |b| match b {
            Piece::Table(t) => sink(judge(t)),
            Piece::Paragraph(p) => {
                if let Some(figures) = look(&p) {
                    keep(p, figures);
                }
            }
        })
    } else {
        // The paragraphs go with the tables, in order: the judging threads
        // take the claim reader's look at them too.
        let work = |item: Item| match item {
            Item::Table(t) => Judged::Report(judge(t)),
            Item::Paragraph(p) => match look(&p) {
                Some(figures) => Judged::Kept(p, figures),
                None => Judged::Passed,
            },
        };
        let mut take = |j: Judged<R>| match j {
            Judged::Report(r) => sink(r),
            Judged::Kept(p, figures) => keep(p, figures),
            Judged::Passed => {}
        };
        std::thread::scope(|scope| {
            let mut pool = Pool::start(scope, lanes.threads, &work);
            let mut batch: Vec<Item> = Vec::new();
            let mut tables = 0usize;
            let mut cells = 0usize;
            let mut text = 0usize;
            let found = read_found(&decoded.text, |b| {
                match b {
                    Piece::Table(t) => {
                        tables += 1;
                        cells += t.cells();
                        batch.push(Item::Table(t));
                    }
                    Piece::Paragraph(p) => {
                        text += p.text.len();
                        batch.push(Item::Paragraph(p));
                    }
                }
                if tables >= lanes.batch.max(1) || cells >= BATCH_CELLS || text >= BATCH_TEXT {
                    (tables, cells, text) = (0, 0, 0);
                    pool.send(std::mem::take(&mut batch), &work, &mut take);
                }
            });
            pool.send(batch, &work, &mut take);
            pool.finish(&mut take);
            found
        })
    };
    notices.extend(found);
    Ok(Streamed {
        notices,
        running,
        reads_figures,
    })
}

/// Threads judging batches of tables (and taking the claim reader's look at
/// paragraphs); batch k goes to thread k mod n, and the reports come back
/// in the batches' order: before batch k is sent,
/// batch k − n's reports (the same thread's last) are taken and passed on.
/// A thread that cannot be started is done without: its batches are judged
/// on the reader's thread.
struct Pool<'scope, T, R> {
    lanes: Vec<Lane<T, R>>,
    sent: usize,
    received: usize,
    _scope: std::marker::PhantomData<&'scope ()>,
}

type Lane<T, R> = (
    std::sync::mpsc::SyncSender<Vec<T>>,
    std::sync::mpsc::Receiver<Vec<R>>,
);

impl<'scope, T: Send + 'scope, R: Send + 'scope> Pool<'scope, T, R> {
    fn start<'env, J>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        threads: usize,
        judge: &'scope J,
    ) -> Pool<'scope, T, R>
    where
        J: Fn(T) -> R + Sync,
    {
        let mut lanes = Vec::new();
        for _ in 0..threads {
            let (to_thread, tables) = std::sync::mpsc::sync_channel::<Vec<T>>(1);
            let (reports_out, reports) = std::sync::mpsc::sync_channel::<Vec<R>>(1);
            let started = std::thread::Builder::new()
                .name("verify".to_string())
                .spawn_scoped(scope, move || {
                    for batch in tables {
                        let out: Vec<R> = batch.into_iter().map(judge).collect();
                        if reports_out.send(out).is_err() {
                            break;
                        }
                    }
                });
            if started.is_err() {
                break;
            }
            lanes.push((to_thread, reports));
        }
        Pool {
            lanes,
            sent: 0,
            received: 0,
            _scope: std::marker::PhantomData,
        }
    }

    /// Takes the next batch's reports, in order.
    fn receive(&mut self, sink: &mut impl FnMut(R)) -> bool {
        let n = self.lanes.len();
        if self.received >= self.sent || n == 0 {
            return false;
        }
        let Some((_, reports)) = self.lanes.get(self.received % n) else {
            return false;
        };
        // A thread always answers its batch (judging does not panic); were
        // it gone, its batch could not be judged twice in order: stop.
        let Ok(out) = reports.recv() else {
            return false;
        };
        self.received += 1;
        out.into_iter().for_each(sink);
        true
    }

    fn send(&mut self, batch: Vec<T>, judge: &impl Fn(T) -> R, sink: &mut impl FnMut(R)) {
        if batch.is_empty() {
            return;
        }
        let n = self.lanes.len();
        if n == 0 {
            batch.into_iter().map(judge).for_each(sink);
            return;
        }
        while self.received + n <= self.sent {
            if !self.receive(sink) {
                break;
            }
        }
        let Some((to_thread, _)) = self.lanes.get(self.sent % n) else {
            return;
        };
        match to_thread.send(batch) {
            Ok(()) => self.sent += 1,
            Err(std::sync::mpsc::SendError(batch)) => {
                // The thread is gone: judge here, after what is in flight.
                while self.receive(sink) {}
                batch.into_iter().map(judge).for_each(sink);
            }
        }
    }

    /// Every report still in flight, in order; the threads then end.
    fn finish(mut self, sink: &mut impl FnMut(R)) {
        while self.receive(sink) {}
        self.lanes.clear();
    }
}

/// The running text's claims ([`verify_text`]) of a document whose tables
/// [`verify_text_tables`] judged.
pub fn verify_text_claims(
    source: &Source,
    streamed: &Streamed,
    options: &Options,
) -> Result<TextReport, InputError> {
    if streamed.reads_figures {
        // The figures are tied to every table: the document is read again,
        // its tables visited one by one and dropped.
        let decoded = text_of(source)?;
        let found = claims::read_with(&streamed.running, |visit| {
            read_each(&decoded.text, |b| {
                if let Block::Table(t) = b {
                    visit(&t);
                }
            });
        });
        Ok(super::text_report(&streamed.running, found, options))
    } else {
        Ok(verify_text(&streamed.running, options))
    }
}
