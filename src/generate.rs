//! Deterministic generator of ILLUSTRATIVE snapshots with task records: demos and benchmarks.
//!
//! Every snapshot it makes says `"data_status": "illustrative"` and carries a notice, so the
//! widget always shows it as made-up data. The same options always give the same bytes (a
//! small SplitMix64 generator, no `rand` dependency), so benchmark inputs are reproducible.

use crate::format::{count, Lang};
use crate::snapshot::{
    AssigningDocument, DataStatus, Date, Snapshot, Source, TaskRecord, Tasks, Text, Unit, UnitKind,
    FORMAT_VERSION, SNAPSHOT_FORMAT,
};
use crate::tasks::Status;

/// The published Q1/2021 counts (FACTS.md): on time, late, overdue, within deadline.
pub const REAL_Q1_2021_COUNTS: [usize; 4] = [506, 123, 41, 1068];

#[derive(Clone, Debug)]
pub struct Options {
    /// Number of task records.
    pub tasks: usize,
    pub seed: u64,
}

/// SplitMix64: tiny, fast, and good enough for shuffling demo data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: i32, hi: i32) -> i32 {
        lo + self.below((hi - lo + 1).max(1) as usize) as i32
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Index drawn with probability proportional to `weights`.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// The province's departments and localities (2021). Real names; the figures attached to them
/// by this generator are not.
const DEPARTMENTS: [(&str, &str, &str); 20] = [
    (
        "so-khdt",
        "Sở Kế hoạch và Đầu tư",
        "Department of Planning and Investment",
    ),
    ("so-tc", "Sở Tài chính", "Department of Finance"),
    ("so-xd", "Sở Xây dựng", "Department of Construction"),
    (
        "so-gtvt",
        "Sở Giao thông vận tải",
        "Department of Transport",
    ),
    (
        "so-tnmt",
        "Sở Tài nguyên và Môi trường",
        "Department of Natural Resources and Environment",
    ),
    (
        "so-nnptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Department of Agriculture and Rural Development",
    ),
    (
        "so-ct",
        "Sở Công Thương",
        "Department of Industry and Trade",
    ),
    ("so-yt", "Sở Y tế", "Department of Health"),
    (
        "so-gddt",
        "Sở Giáo dục và Đào tạo",
        "Department of Education and Training",
    ),
    (
        "so-ldtbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "Department of Labour, Invalids and Social Affairs",
    ),
    (
        "so-vhtt",
        "Sở Văn hóa và Thể thao",
        "Department of Culture and Sports",
    ),
    ("so-dl", "Sở Du lịch", "Department of Tourism"),
    (
        "so-tttt",
        "Sở Thông tin và Truyền thông",
        "Department of Information and Communications",
    ),
    (
        "so-khcn",
        "Sở Khoa học và Công nghệ",
        "Department of Science and Technology",
    ),
    ("so-nv", "Sở Nội vụ", "Department of Home Affairs"),
    ("so-tp", "Sở Tư pháp", "Department of Justice"),
    ("so-nv2", "Sở Ngoại vụ", "Department of Foreign Affairs"),
    ("thanh-tra", "Thanh tra tỉnh", "Provincial Inspectorate"),
    (
        "bql-kkt",
        "Ban Quản lý Khu kinh tế",
        "Economic Zone Authority",
    ),
    ("cong-an", "Công an tỉnh", "Provincial Police"),
];

const LOCALITIES: [(&str, &str, &str); 13] = [
    ("ha-long", "TP Hạ Long", "Ha Long City"),
    ("cam-pha", "TP Cẩm Phả", "Cam Pha City"),
    ("uong-bi", "TP Uông Bí", "Uong Bi City"),
    ("mong-cai", "TP Móng Cái", "Mong Cai City"),
    ("dong-trieu", "TX Đông Triều", "Dong Trieu Town"),
    ("quang-yen", "TX Quảng Yên", "Quang Yen Town"),
    ("van-don", "Huyện Vân Đồn", "Van Don District"),
    ("tien-yen", "Huyện Tiên Yên", "Tien Yen District"),
    ("dam-ha", "Huyện Đầm Hà", "Dam Ha District"),
    ("hai-ha", "Huyện Hải Hà", "Hai Ha District"),
    ("binh-lieu", "Huyện Bình Liêu", "Binh Lieu District"),
    ("ba-che", "Huyện Ba Chẽ", "Ba Che District"),
    ("co-to", "Huyện Cô Tô", "Co To District"),
];

/// Documents named in the source article, plus monthly meeting conclusions.
const DOCUMENTS: [(&str, &str, &str); 6] = [
    (
        "108/QĐ-UBND",
        "2021-01-15",
        "Chương trình công tác năm 2021 của UBND tỉnh",
    ),
    (
        "12/KH-UBND",
        "2021-01-15",
        "Kế hoạch kịch bản tăng trưởng kinh tế năm 2021",
    ),
    (
        "36-KL/TU",
        "2021-03-02",
        "Kết luận của Ban Thường vụ Tỉnh ủy",
    ),
    (
        "1393/UBND-DL1",
        "2021-03-11",
        "Điều chỉnh một số biện pháp phòng, chống dịch Covid-19",
    ),
    (
        "TB-01/2021",
        "2021-01-29",
        "Thông báo kết luận phiên họp thường kỳ tháng 1/2021",
    ),
    (
        "TB-02/2021",
        "2021-02-26",
        "Thông báo kết luận phiên họp thường kỳ tháng 2/2021",
    ),
];

const VERBS: [&str; 10] = [
    "Triển khai",
    "Báo cáo kết quả",
    "Rà soát, hoàn thiện",
    "Đẩy nhanh tiến độ",
    "Xây dựng kế hoạch",
    "Tham mưu ban hành",
    "Kiểm tra, đôn đốc",
    "Tổ chức thực hiện",
    "Hoàn thành thủ tục",
    "Giải quyết kiến nghị về",
];

const TOPICS: [&str; 16] = [
    "giải phóng mặt bằng dự án cao tốc Hạ Long - Hải Phòng",
    "nút giao Đầm Nhà Mạc",
    "phòng, chống dịch Covid-19",
    "thu ngân sách nhà nước",
    "giải ngân vốn đầu tư công",
    "cải cách hành chính",
    "chuyển đổi số",
    "quy hoạch tỉnh thời kỳ 2021-2030",
    "bầu cử đại biểu Quốc hội khóa XV",
    "phát triển du lịch",
    "cải thiện môi trường đầu tư kinh doanh",
    "quản lý đất đai, tài nguyên",
    "xây dựng nông thôn mới",
    "an sinh xã hội",
    "giải quyết khiếu nại, tố cáo",
    "thu hút đầu tư vào khu kinh tế",
];

fn date(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|| unreachable!("constant date {s} is valid"))
}

fn plus_days(d: Date, days: i32) -> Date {
    Date::from_days(d.days() + days).unwrap_or(d)
}

/// Counts per status for `n` tasks in the proportions of the real Q1/2021 figures; exactly the
/// real counts when `n` is their total (1.738).
pub fn status_counts(n: usize) -> [usize; 4] {
    let real_total: usize = REAL_Q1_2021_COUNTS.iter().sum();
    let mut counts = REAL_Q1_2021_COUNTS.map(|c| c * n / real_total);
    let assigned: usize = counts.iter().sum();
    counts[3] += n - assigned;
    counts
}

/// An illustrative snapshot of `opts.tasks` task records as of 31/03/2021.
pub fn illustrative_snapshot(opts: &Options) -> Snapshot {
    let mut rng = Rng(opts.seed);
    let as_of = date("2021-03-31");
    let units: Vec<Unit> = DEPARTMENTS
        .iter()
        .map(|u| (u, UnitKind::Department))
        .chain(LOCALITIES.iter().map(|u| (u, UnitKind::Locality)))
        .map(|(&(id, vi, en), kind)| Unit {
            id: id.to_owned(),
            name: Text::new(vi, en),
            short: None,
            kind,
        })
        .collect();
    // Units differ in size and in how often they fall behind, so the chart has a story.
    let size: Vec<f64> = units.iter().map(|_| 1.0 + rng.below(8) as f64).collect();
    let lateness: Vec<f64> = units
        .iter()
        .map(|_| 0.3 + rng.below(30) as f64 / 10.0)
        .collect();

    let counts = status_counts(opts.tasks);
    let mut statuses: Vec<Status> = Status::ALL
        .iter()
        .zip(counts)
        .flat_map(|(s, n)| std::iter::repeat_n(*s, n))
        .collect();
    for i in (1..statuses.len()).rev() {
        statuses.swap(i, rng.below(i + 1));
    }

    let documents: Vec<AssigningDocument> = DOCUMENTS
        .iter()
        .map(|&(id, d, title)| AssigningDocument {
            id: id.to_owned(),
            date: Some(date(d)),
            title: Some(Text {
                vi: title.to_owned(),
                en: None,
            }),
        })
        .collect();
    let year_start = date("2021-01-04");
    let span = as_of.days() - year_start.days();
    let width = opts.tasks.max(1).to_string().len().max(4);

    let records = statuses
        .iter()
        .enumerate()
        .map(|(i, &status)| {
            let weights: Vec<f64> = size
                .iter()
                .zip(&lateness)
                .map(|(s, l)| match status {
                    Status::Overdue | Status::Late => s * l,
                    _ => *s,
                })
                .collect();
            let unit = rng.weighted(&weights);
            let doc = rng.below(documents.len() + 2);
            let document = documents.get(doc).map(|d| d.id.clone());
            // Assigned no earlier than its document; late and overdue tasks need room for a
            // due date before the snapshot date.
            let earliest = documents
                .get(doc)
                .and_then(|d| d.date)
                .unwrap_or(year_start)
                .days();
            let latest = match status {
                Status::Late | Status::Overdue => as_of.days() - 2,
                _ => as_of.days(),
            };
            let assigned =
                Date::from_days(rng.between(earliest.min(latest), latest)).unwrap_or(year_start);
            let room = as_of.days() - assigned.days();
            let (due, completed) = match status {
                Status::OnTime => {
                    let due = plus_days(assigned, rng.between(3, 60));
                    let last = due.min(as_of);
                    let done = plus_days(assigned, rng.between(0, last.days() - assigned.days()));
                    (due, Some(done))
                }
                Status::Late => {
                    let due = plus_days(assigned, rng.between(0, room - 1));
                    let done = plus_days(due, rng.between(1, as_of.days() - due.days()));
                    (due, Some(done))
                }
                Status::Overdue => (plus_days(assigned, rng.between(0, room - 1)), None),
                Status::WithinDeadline => (plus_days(as_of, rng.between(0, span + 90)), None),
            };
            TaskRecord {
                id: format!("NV-{:0width$}", i + 1),
                title: format!("{} {}", rng.pick(&VERBS), rng.pick(&TOPICS)),
                unit: units[unit].id.clone(),
                document,
                assigned,
                due,
                completed,
            }
        })
        .collect();

    let n = opts.tasks;
    Snapshot {
        format: SNAPSHOT_FORMAT.to_owned(),
        version: FORMAT_VERSION,
        id: format!("illustrative-2021-q1-{n}"),
        as_of,
        title: Text {
            vi: format!("Minh họa: {} nhiệm vụ theo đơn vị, quý I/2021", count(n as u32, Lang::Vi)),
            en: Some(format!("Illustration: {} tasks by unit, Q1 2021", count(n as u32, Lang::En))),
        },
        jurisdiction: Text::new("UBND tỉnh Quảng Ninh (minh họa)", "Quảng Ninh Provincial People's Committee (illustrative)"),
        data_status: DataStatus::Illustrative,
        notice: Some(Text {
            vi: format!(
                "Dữ liệu do máy tạo ra để minh họa (seed {}). Tỷ lệ bốn tình trạng theo số liệu thật quý I/2021; việc phân bổ theo đơn vị, văn bản, ngày tháng và tên nhiệm vụ là giả định.",
                opts.seed
            ),
            en: Some(format!(
                "Generated for illustration (seed {}). The shares of the four statuses follow the real Q1/2021 figures; the split by unit, document, dates and task titles is made up.",
                opts.seed
            )),
        }),
        source: Source::named("task-dashboard generator (illustrative)"),
        units,
        tasks: Some(Tasks {
            assigned_by: Some(Text::new("UBND tỉnh", "Provincial People's Committee")),
            assigning_documents: documents,
            records,
            ..Tasks::default()
        }),
        documents: None,
        schemes: Vec::new(),
        growth: None,
    }
}

/// The last day of each quarter of 2021, and its Roman numeral as Vietnamese titles write it.
const QUARTERS: [(&str, &str); 4] = [
    ("2021-03-31", "I"),
    ("2021-06-30", "II"),
    ("2021-09-30", "III"),
    ("2021-12-31", "IV"),
];

/// The illustrative snapshot of quarter `quarter` (1–4) of 2021: quarter 1 is exactly
/// [`illustrative_snapshot`]; each later quarter evolves the one before it consistently
/// (`evolve`): the same tasks and units, tasks completed, tasks passing their due date, new
/// tasks. `None` for a quarter outside 1–4.
pub fn illustrative_quarter(opts: &Options, quarter: usize) -> Option<Snapshot> {
    if !(1..=QUARTERS.len()).contains(&quarter) {
        return None;
    }
    let mut snap = illustrative_snapshot(opts);
    for k in 2..=quarter {
        snap = evolve(snap, opts, k);
    }
    Some(snap)
}

/// Quarter `k`'s snapshot from quarter `k - 1`'s. A completed task stays as it was; a task
/// not completed may be completed during the quarter (on time or late, by its due date) or
/// pass its due date and become overdue; new tasks, with new ids, are assigned during it.
fn evolve(prev: Snapshot, opts: &Options, k: usize) -> Snapshot {
    let (end, roman) = QUARTERS[k - 1];
    let as_of = date(end);
    let old_as_of = prev.as_of;
    let mut rng = Rng(opts.seed ^ (0xC0FF_EE00 + k as u64));
    let mut snap = prev;
    let Some(tasks) = snap.tasks.as_mut() else {
        return snap;
    };
    let days = as_of.days() - old_as_of.days();
    let width = opts.tasks.max(1).to_string().len().max(4);
    for r in tasks.records.iter_mut().filter(|r| r.completed.is_none()) {
        let overdue = r.due < old_as_of;
        let due_in_quarter = r.due <= as_of;
        // Overdue tasks are caught up with slowly; tasks falling due mostly get done.
        let chance = match (overdue, due_in_quarter) {
            (true, _) => 35,
            (false, true) => 75,
            (false, false) => 15,
        };
        if rng.below(100) < chance {
            let first = old_as_of.days() + 1;
            // Mostly by the due date when it is still ahead; late otherwise.
            let last = if !overdue && rng.below(100) < 80 {
                r.due.days().min(as_of.days())
            } else {
                as_of.days()
            };
            let done = Date::from_days(rng.between(first, last.max(first))).unwrap_or(as_of);
            r.completed = Some(done);
        }
    }
    // New tasks: about an eighth of the first quarter's number each quarter.
    let next = tasks.records.len();
    let added = opts.tasks / 8 + rng.below(opts.tasks / 16 + 1);
    let n_units = snap.units.len();
    if n_units == 0 {
        return snap;
    }
    for i in 0..added {
        let unit = &snap.units[rng.below(n_units)];
        let doc = rng.below(tasks.assigning_documents.len() + 2);
        let document = tasks.assigning_documents.get(doc).map(|d| d.id.clone());
        let assigned = plus_days(old_as_of, rng.between(1, days));
        let due = plus_days(assigned, rng.between(3, 90));
        let completed = match rng.below(100) {
            0..=39 => {
                let last = due.min(as_of);
                Some(plus_days(
                    assigned,
                    rng.between(0, last.days() - assigned.days()),
                ))
            }
            40..=49 if due < as_of => {
                Some(plus_days(due, rng.between(1, as_of.days() - due.days())))
            }
            _ => None,
        };
        tasks.records.push(TaskRecord {
            id: format!("NV-{:0width$}", next + i + 1),
            title: format!("{} {}", rng.pick(&VERBS), rng.pick(&TOPICS)),
            unit: unit.id.clone(),
            document,
            assigned,
            due,
            completed,
        });
    }
    let total = tasks.records.len();
    let n = opts.tasks;
    snap.id = format!("illustrative-2021-q{k}-{n}");
    snap.as_of = as_of;
    snap.title = Text {
        vi: format!(
            "Minh họa: {} nhiệm vụ theo đơn vị, quý {roman}/2021",
            count(total as u32, Lang::Vi)
        ),
        en: Some(format!(
            "Illustration: {} tasks by unit, Q{k} 2021",
            count(total as u32, Lang::En)
        )),
    };
    snap.notice = Some(Text {
        vi: format!(
            "Dữ liệu do máy tạo ra để minh họa (seed {}), tiếp nối quý I/2021 minh họa: cùng các nhiệm vụ, thêm nhiệm vụ mới, việc hoàn thành và quá hạn là giả định.",
            opts.seed
        ),
        en: Some(format!(
            "Generated for illustration (seed {}), continuing the illustrative Q1/2021: the same tasks and new ones; which are completed or overdue is made up.",
            opts.seed
        )),
    });
    snap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_counts_equal_the_real_ones_at_the_real_total() {
        assert_eq!(status_counts(1738), REAL_Q1_2021_COUNTS);
        assert_eq!(status_counts(100_000).iter().sum::<usize>(), 100_000);
    }

    fn status_of(snap: &Snapshot, r: &TaskRecord) -> Status {
        Status::derive(snap.as_of, r.due, r.completed)
    }

    #[test]
    fn quarter_one_is_the_single_snapshot() {
        let opts = Options {
            tasks: 300,
            seed: 7,
        };
        let q1 = illustrative_quarter(&opts, 1).unwrap();
        assert_eq!(
            serde_json::to_string(&q1).unwrap(),
            serde_json::to_string(&illustrative_snapshot(&opts)).unwrap()
        );
        assert!(illustrative_quarter(&opts, 0).is_none());
        assert!(illustrative_quarter(&opts, 5).is_none());
    }

    #[test]
    fn quarters_evolve_consistently() {
        let opts = Options {
            tasks: 1738,
            seed: 2021,
        };
        let quarters: Vec<Snapshot> = (1..=4)
            .map(|k| illustrative_quarter(&opts, k).unwrap())
            .collect();
        for (k, pair) in quarters.windows(2).enumerate() {
            let (old, new) = (&pair[0], &pair[1]);
            assert!(new.as_of > old.as_of);
            assert_eq!(new.id, format!("illustrative-2021-q{}-1738", k + 2));
            assert_eq!(new.data_status, DataStatus::Illustrative);
            assert!(new.title.vi.contains("Minh họa") && new.jurisdiction.vi.contains("minh họa"));
            assert_eq!(
                serde_json::to_string(&old.units).unwrap(),
                serde_json::to_string(&new.units).unwrap()
            );
            let (o, n) = (
                &old.tasks.as_ref().unwrap().records,
                &new.tasks.as_ref().unwrap().records,
            );
            assert!(n.len() > o.len(), "new tasks are added");
            let (mut completed, mut overdue) = (0, 0);
            for (a, b) in o.iter().zip(n) {
                assert_eq!(
                    (&a.id, &a.unit, a.due, a.assigned),
                    (&b.id, &b.unit, b.due, b.assigned)
                );
                let (was, now) = (status_of(old, a), status_of(new, b));
                if was.is_completed() {
                    assert_eq!(a.completed, b.completed, "{} goes back", a.id);
                } else if now.is_completed() {
                    completed += 1;
                    assert!(b.completed.unwrap() > old.as_of && b.completed.unwrap() <= new.as_of);
                }
                if was == Status::WithinDeadline && now == Status::Overdue {
                    overdue += 1;
                }
            }
            assert!(
                completed > 0 && overdue > 0,
                "quarter {}: {completed} {overdue}",
                k + 2
            );
            let mut ids: Vec<&str> = n.iter().map(|r| r.id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n.len(), "ids are unique");
            for r in &n[o.len()..] {
                assert!(r.assigned > old.as_of && r.assigned <= new.as_of);
                assert!(r
                    .completed
                    .is_none_or(|d| d >= r.assigned && d <= new.as_of));
                assert!(r.id.starts_with("NV-") && r.id.len() == 7);
            }
            // Counts add up: every task is in exactly one status.
            let counts = Status::ALL.map(|s| n.iter().filter(|r| status_of(new, r) == s).count());
            assert_eq!(counts.iter().sum::<usize>(), n.len());
            let json = serde_json::to_vec(new).unwrap();
            crate::snapshot::parse_snapshot("generated", &json).unwrap();
        }
    }
}
