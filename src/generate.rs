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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_counts_equal_the_real_ones_at_the_real_total() {
        assert_eq!(status_counts(1738), REAL_Q1_2021_COUNTS);
        assert_eq!(status_counts(100_000).iter().sum::<usize>(), 100_000);
    }
}
