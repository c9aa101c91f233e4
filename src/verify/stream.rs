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
/// the batches in flight, two per thread ([`Pool`]). The reader's thread
/// finds the blocks and prints alone, about a tenth of the CPU time on the
/// table-dense benchmark (tables are split into cells and reports digested
/// on the judging threads), so beyond about ten cores it, not judging,
/// sets the pace.
pub const MAX_THREADS: usize = 12;

/// The most tables and cells in one batch: memory stays bounded by a few
/// batches in flight, whatever the document's size. Each batch handed over
/// may wake a sleeping thread: 64 tables a batch cost 4 % more CPU time on
/// the table-dense benchmark than 256 (README, Speed).
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
/// paragraphs). The batches wait in one queue, each numbered, and whichever
/// thread is free takes the next: a thread slowed down (sharing its core
/// with the reader's thread) takes fewer. Their reports come back in any
/// order and are passed on in the batches' order. At most `2 × threads`
/// (the threads asked for) batches are in flight, sent and their reports
/// not yet passed on: memory stays bounded, and a thread finishing its
/// batch finds the next one waiting rather than waiting for the reader's
/// thread (README, Speed). A thread that cannot be started is done
/// without; with none, the batches are judged on the reader's thread.
struct Pool<'scope, T, R> {
    /// The queue of numbered batches; `None` when no thread started (the
    /// batches are then judged on the reader's thread), and once finished.
    queue: Option<std::sync::mpsc::SyncSender<(usize, Vec<T>)>>,
    /// Each batch's reports, with its number; `None` for a batch whose
    /// thread panicked.
    reports: std::sync::mpsc::Receiver<(usize, Option<Vec<R>>)>,
    /// The most batches in flight.
    in_flight: usize,
    /// Batches sent.
    sent: usize,
    /// The reports of the batches in flight, in the batches' order (the
    /// first is batch `sent - waiting.len()`); `None` until they are back.
    waiting: std::collections::VecDeque<Option<Vec<R>>>,
    _scope: std::marker::PhantomData<&'scope ()>,
}

/// A judging thread's answer for one batch, sent when it is dropped: the
/// reports, or, if judging panicked, `None`, so that the reader's thread
/// does not wait for them.
struct Answer<'a, R> {
    to: &'a std::sync::mpsc::Sender<(usize, Option<Vec<R>>)>,
    batch: usize,
    reports: Option<Vec<R>>,
}

impl<R> Drop for Answer<'_, R> {
    fn drop(&mut self) {
        // The reader's thread stops listening only when it is done, or
        // when it is panicking itself (its sink did, or it saw a `None`).
        let _ = self.to.send((self.batch, self.reports.take()));
    }
}

impl<'scope, T: Send + 'scope, R: Send + 'scope> Pool<'scope, T, R> {
    fn start<'env, J>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        threads: usize,
        judge: &'scope J,
    ) -> Pool<'scope, T, R>
    where
        J: Fn(T) -> R + Sync,
    {
        let in_flight = 2 * threads.max(1);
        // Room for every batch in flight: sending never waits.
        let (queue, batches) = std::sync::mpsc::sync_channel::<(usize, Vec<T>)>(in_flight);
        let batches = std::sync::Arc::new(std::sync::Mutex::new(batches));
        let (reports_out, reports) = std::sync::mpsc::channel();
        let mut started = 0;
        for _ in 0..threads {
            let batches = std::sync::Arc::clone(&batches);
            let reports_out = reports_out.clone();
            let spawned = std::thread::Builder::new()
                .name("verify".to_string())
                .spawn_scoped(scope, move || loop {
                    // One free thread waits for the next batch, the others
                    // for the lock.
                    let next = match batches.lock() {
                        Ok(batches) => batches.recv(),
                        Err(_) => break,
                    };
                    let Ok((batch, tables)) = next else {
                        break;
                    };
                    let mut answer = Answer {
                        to: &reports_out,
                        batch,
                        reports: None,
                    };
                    answer.reports = Some(tables.into_iter().map(judge).collect());
                });
            if spawned.is_err() {
                break;
            }
            started += 1;
        }
        Pool {
            queue: (started > 0).then_some(queue),
            reports,
            in_flight,
            sent: 0,
            waiting: std::collections::VecDeque::new(),
            _scope: std::marker::PhantomData,
        }
    }

    /// Waits for one batch's reports, then passes on those now in order.
    /// Asked only with batches in flight.
    fn receive(&mut self, sink: &mut impl FnMut(R)) {
        // A thread ends only when the queue closes or after answering
        // `None` (below): no thread left with batches in flight means
        // reports lost, never passed over in silence.
        let Ok((batch, reports)) = self.reports.recv() else {
            panic!("the threads judging tables ended with batches in flight");
        };
        // Judging does not panic; were a thread to, its batch's reports are
        // lost and the document cannot be reported whole (the scope then
        // panics too, after every thread has ended).
        let Some(reports) = reports else {
            panic!("a thread judging tables panicked");
        };
        let first = self.sent - self.waiting.len();
        if let Some(slot) = batch
            .checked_sub(first)
            .and_then(|i| self.waiting.get_mut(i))
        {
            *slot = Some(reports);
        }
        while let Some(Some(_)) = self.waiting.front() {
            if let Some(Some(reports)) = self.waiting.pop_front() {
                reports.into_iter().for_each(&mut *sink);
            }
        }
    }

    fn send(&mut self, batch: Vec<T>, judge: &impl Fn(T) -> R, sink: &mut impl FnMut(R)) {
        if batch.is_empty() {
            return;
        }
        while self.queue.is_some() && self.waiting.len() >= self.in_flight {
            self.receive(sink);
        }
        let Some(queue) = &self.queue else {
            batch.into_iter().map(judge).for_each(sink);
            return;
        };
        match queue.send((self.sent, batch)) {
            Ok(()) => {
                self.sent += 1;
                self.waiting.push_back(None);
            }
            Err(std::sync::mpsc::SendError((_, batch))) => {
                // Every thread is gone, which only a panic ends: the batches
                // in flight are waited for (the panic's `None` among them),
                // and this one judged here after them.
                self.queue = None;
                while !self.waiting.is_empty() {
                    self.receive(sink);
                }
                batch.into_iter().map(judge).for_each(sink);
            }
        }
    }

    /// Every report still in flight, in order; the threads then end.
    fn finish(mut self, sink: &mut impl FnMut(R)) {
        while !self.waiting.is_empty() {
            self.receive(sink);
        }
        self.queue = None;
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

#[cfg(test)]
mod tests {
    use super::Pool;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Numbers `0..n` sent through a pool of `threads` in batches of the
    /// given sizes (cycled), each "judged" to its double, the numbers in
    /// `slow` after a pause; what the sink saw, and the most items ever
    /// judged and not yet passed on. The sink pauses at the first report:
    /// the threads go on with the batches waiting for them.
    fn through_pool(
        threads: usize,
        n: usize,
        sizes: &[usize],
        slow: impl Fn(usize) -> bool + Sync,
    ) -> (Vec<usize>, usize) {
        let judged = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let passed = AtomicUsize::new(0);
        let judge = |x: usize| {
            if slow(x) {
                std::thread::sleep(std::time::Duration::from_micros(300));
            }
            let ahead = judged.fetch_add(1, Ordering::SeqCst) + 1 - passed.load(Ordering::SeqCst);
            most.fetch_max(ahead, Ordering::SeqCst);
            2 * x
        };
        let mut out = Vec::new();
        let mut sink = |r: usize| {
            if r == 0 {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            passed.fetch_add(1, Ordering::SeqCst);
            out.push(r);
        };
        std::thread::scope(|scope| {
            let mut pool = Pool::start(scope, threads, &judge);
            let mut next = 0;
            for &size in sizes.iter().cycle() {
                if next >= n {
                    break;
                }
                let end = (next + size).min(n);
                pool.send((next..end).collect(), &judge, &mut sink);
                next = end;
            }
            pool.finish(&mut sink);
        });
        (out, most.load(Ordering::SeqCst))
    }

    #[test]
    fn reports_are_passed_on_in_the_batches_order_whichever_thread_is_slow() {
        for threads in 0..5 {
            for sizes in [&[1][..], &[3, 1, 7], &[50]] {
                // A number now and then is slow: later batches overtake it.
                let slow = |x: usize| x % 17 == 0;
                let (out, _) = through_pool(threads, 300, sizes, slow);
                let expected: Vec<usize> = (0..300).map(|x| 2 * x).collect();
                assert_eq!(out, expected, "{threads} threads, batches {sizes:?}");
            }
        }
    }

    #[test]
    fn at_most_twice_the_threads_batches_are_in_flight() {
        for threads in 1..5 {
            // A slow number holds its batch back while the others go on.
            let (out, most) = through_pool(threads, 2_000, &[10], |x| x % 97 == 0);
            assert_eq!(out.len(), 2_000);
            assert!(
                most <= 2 * threads * 10,
                "{threads} threads: {most} numbers judged ahead of the sink"
            );
            // And the threads do run ahead of the reader's thread: while
            // it passes on the first batch, the second is judged.
            assert!(most > 10, "{threads} threads: only {most} ahead");
        }
    }

    /// Runs `f` on a thread of its own and gives its outcome (`Err` if it
    /// panicked); a test failure, not a hang, if it takes over 20 seconds.
    fn within<T: Send + 'static>(
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Box<dyn std::any::Any + Send>> {
        let (done, outcome) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)));
        });
        outcome
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the pool hung")
    }

    fn message(payload: &(dyn std::any::Any + Send)) -> String {
        if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            String::new()
        }
    }

    /// `batches` batches of `size` numbers through a pool of `threads`,
    /// the judge panicking on the numbers `bad` picks (after a pause on
    /// the slow ones, so that other batches overtake them).
    fn panicking_pool(
        threads: usize,
        batches: usize,
        size: usize,
        bad: fn(usize) -> bool,
    ) -> Result<Vec<usize>, Box<dyn std::any::Any + Send>> {
        within(move || {
            let judge = move |x: usize| {
                if x % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_micros(200));
                }
                assert!(!bad(x), "planted");
                x
            };
            let mut out = Vec::new();
            std::thread::scope(|scope| {
                let mut pool = Pool::start(scope, threads, &judge);
                for k in 0..batches {
                    pool.send((size * k..size * k + size).collect(), &judge, &mut |r| {
                        out.push(r)
                    });
                }
                pool.finish(&mut |r| out.push(r));
            });
            out
        })
    }

    #[test]
    fn a_judge_panicking_on_the_first_middle_or_last_batch_or_every_one_ends_in_a_panic() {
        type Bad = fn(usize) -> bool;
        let cases: [(&str, Bad); 5] = [
            ("first", |x| x == 0),
            ("middle", |x| x == 105),
            ("last", |x| x == 199),
            ("every", |_| true),
            ("every other batch", |x| (x / 10) % 2 == 1),
        ];
        for threads in 1..=6 {
            for (name, bad) in cases {
                let outcome = panicking_pool(threads, 20, 10, bad);
                let payload = outcome.expect_err(name);
                // The reader's thread saw the missing batch (not the
                // scope's own panic after the threads ended).
                assert_eq!(
                    message(&*payload),
                    "a thread judging tables panicked",
                    "{threads} threads, {name}"
                );
            }
        }
        // With no thread the judge's own panic comes through.
        let payload = panicking_pool(0, 20, 10, |x| x == 105).expect_err("no thread");
        assert_eq!(message(&*payload), "planted");
    }

    #[test]
    fn a_sink_that_panics_ends_the_pool_and_the_threads_stop_soon_after() {
        for threads in 1..=6 {
            for at in [0, 1, 55, 199] {
                let judged = std::sync::Arc::new(AtomicUsize::new(0));
                let counted = std::sync::Arc::clone(&judged);
                let outcome = within(move || {
                    let judge = |x: usize| {
                        counted.fetch_add(1, Ordering::SeqCst);
                        x
                    };
                    let mut sink = |r: usize| assert!(r != at, "sink");
                    std::thread::scope(|scope| {
                        let mut pool = Pool::start(scope, threads, &judge);
                        for k in 0..1_000 {
                            pool.send((10 * k..10 * k + 10).collect(), &judge, &mut sink);
                        }
                        pool.finish(&mut sink);
                    });
                });
                let payload = outcome.expect_err("the sink panicked");
                assert_eq!(message(&*payload), "sink");
                // No batch is sent after the sink's: the threads judge at
                // most what was in flight, then end.
                let most = (at / 10 + 1 + 2 * threads) * 10;
                let judged = judged.load(Ordering::SeqCst);
                assert!(
                    judged <= most,
                    "{threads} threads, sink at {at}: {judged} judged"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// Any batch sizes (empty ones too), any slow numbers, 0 to 6
        /// threads: every report once, in order, and no more than
        /// `2 × threads` batches judged ahead of the sink.
        #[test]
        fn any_batches_and_slow_numbers_give_every_report_once_in_order(
            threads in 0usize..=6,
            n in 0usize..600,
            sizes in proptest::collection::vec(0usize..40, 1..6),
            slow_every in 1usize..30,
            slow_offset in 0usize..30,
        ) {
            let mut sizes = sizes;
            if sizes.iter().all(|&s| s == 0) {
                sizes.push(1);
            }
            let biggest = sizes.iter().copied().max().unwrap_or(1);
            let (out, most) =
                through_pool(threads, n, &sizes, |x| x % slow_every == slow_offset % slow_every);
            let expected: Vec<usize> = (0..n).map(|x| 2 * x).collect();
            proptest::prop_assert_eq!(out, expected);
            proptest::prop_assert!(most <= 2 * threads.max(1) * biggest, "{} ahead", most);
        }
    }

    #[test]
    fn a_thread_held_up_does_not_hold_up_the_others() {
        for threads in 2..=6 {
            // Batch 0 is held until every other batch in flight is judged:
            // whichever thread is free must take them (dealt round, the
            // held thread's next batch would wait for it), and two
            // threads must judge at once (the lock is not held while
            // judging).
            let outcome = within(move || {
                let others = AtomicUsize::new(0);
                let others_in_flight = (2 * threads - 1) * 10;
                let judge = |x: usize| {
                    if x == 0 {
                        let deadline =
                            std::time::Instant::now() + std::time::Duration::from_secs(5);
                        while others.load(Ordering::SeqCst) < others_in_flight {
                            assert!(std::time::Instant::now() < deadline, "held up");
                            std::thread::sleep(std::time::Duration::from_millis(1));
                        }
                    } else {
                        others.fetch_add(1, Ordering::SeqCst);
                    }
                    x
                };
                let mut out = Vec::new();
                std::thread::scope(|scope| {
                    let mut pool = Pool::start(scope, threads, &judge);
                    for k in 0..4 * threads {
                        pool.send((10 * k..10 * k + 10).collect(), &judge, &mut |r| {
                            out.push(r)
                        });
                    }
                    pool.finish(&mut |r| out.push(r));
                });
                out
            });
            let out = outcome.unwrap_or_else(|p| panic!("{threads} threads: {}", message(&*p)));
            assert_eq!(out, (0..40 * threads).collect::<Vec<_>>());
        }
    }
}
