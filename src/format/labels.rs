//! Every label of the interface, in Vietnamese and English.
//!
//! One struct with one field per label: a label without its English version does not compile.
//! Templates use `{x}`-style placeholders filled by [`fill`].

use super::Lang;
use crate::snapshot::{DocType, FigureKind, UnitKind};
use crate::tasks::{SortColumn, Status};

pub struct Labels {
    pub app_name: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub load_failed_hint: &'static str,
    pub illustrative_notice: &'static str,
    pub official: &'static str,
    pub source: &'static str,
    pub as_of: &'static str,
    pub published: &'static str,
    pub author: &'static str,
    pub snapshot: &'static str,
    pub language_switch: &'static str,
    pub language_switch_label: &'static str,
    pub tabs_label: &'static str,
    pub tab_tasks: &'static str,
    pub tab_documents: &'static str,
    pub tab_growth: &'static str,
    pub headline_tasks: &'static str,
    pub headline_completed: &'static str,
    pub headline_overdue: &'static str,
    pub chart_status: &'static str,
    pub chart_units: &'static str,
    pub chart_documents: &'static str,
    pub chart_schemes: &'static str,
    pub chart_growth: &'static str,
    pub status_on_time: &'static str,
    pub status_late: &'static str,
    pub status_overdue: &'static str,
    pub status_within: &'static str,
    pub group_completed: &'static str,
    pub group_not_completed: &'static str,
    pub not_split: &'static str,
    pub meetings: &'static str,
    pub documents_total: &'static str,
    pub of_which: &'static str,
    pub schemes_done: &'static str,
    pub schemes_remaining: &'static str,
    pub kind_actual: &'static str,
    pub kind_estimate: &'static str,
    pub kind_target: &'static str,
    pub above: &'static str,
    pub at_least: &'static str,
    pub show_table: &'static str,
    pub summary_label: &'static str,
    pub downloads: &'static str,
    pub download_csv: &'static str,
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub filters: &'static str,
    pub filter_status: &'static str,
    pub filter_unit: &'static str,
    pub filter_unit_kind: &'static str,
    pub filter_document: &'static str,
    pub filter_due: &'static str,
    pub filter_search: &'static str,
    pub filter_search_placeholder: &'static str,
    pub all: &'static str,
    pub no_document: &'static str,
    pub kind_department: &'static str,
    pub kind_locality: &'static str,
    pub reset: &'static str,
    pub count_of: &'static str,
    pub count_unknown: &'static str,
    pub needs_records: &'static str,
    pub needs_units: &'static str,
    pub sort_units: &'static str,
    pub sort_overdue_share: &'static str,
    pub sort_total: &'static str,
    pub sort_name: &'static str,
    pub table_tasks: &'static str,
    pub col_id: &'static str,
    pub col_title: &'static str,
    pub col_unit: &'static str,
    pub col_document: &'static str,
    pub col_assigned: &'static str,
    pub col_due: &'static str,
    pub col_completed: &'static str,
    pub col_status: &'static str,
    pub col_count: &'static str,
    pub col_share: &'static str,
    pub col_period: &'static str,
    pub col_value: &'static str,
    pub col_kind: &'static str,
    pub col_type: &'static str,
    pub col_scheme: &'static str,
    pub col_total: &'static str,
    pub page_prev: &'static str,
    pub page_next: &'static str,
    pub page_of: &'static str,
    pub no_match: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub embed: &'static str,
    pub embed_help: &'static str,
    pub close: &'static str,
    pub full_view: &'static str,
    pub ignored_params: &'static str,
    pub snapshot_refused: &'static str,
    pub newer_link: &'static str,
    pub data_notes: &'static str,
    pub selected: &'static str,
    pub click_to_filter: &'static str,
    pub share_overdue_of_unit: &'static str,
    pub tasks_word: &'static str,
    pub crashed: &'static str,
    /// Names of `DocType`s, in the enum's order.
    pub doc_types: [&'static str; 9],
}

/// Labels are static tables: two are equal when they are the same table.
impl PartialEq for Labels {
    fn eq(&self, other: &Labels) -> bool {
        std::ptr::eq(self, other)
    }
}

pub static VI: Labels = Labels {
    app_name: "Theo dõi nhiệm vụ và tăng trưởng",
    loading: "Đang tải dữ liệu…",
    load_failed: "Không tải được dữ liệu",
    load_failed_hint: "Trang vẫn hoạt động. Vui lòng báo cho ban biên tập kèm thông tin dưới đây.",
    illustrative_notice: "Dữ liệu minh họa, không phải số liệu chính thức",
    official: "Số liệu chính thức",
    source: "Nguồn",
    as_of: "Số liệu đến",
    published: "đăng ngày",
    author: "tác giả",
    snapshot: "Bộ số liệu",
    language_switch: "English",
    language_switch_label: "Switch to English",
    tabs_label: "Nội dung",
    tab_tasks: "Nhiệm vụ",
    tab_documents: "Văn bản và đề án",
    tab_growth: "Tăng trưởng",
    headline_tasks: "nhiệm vụ được giao",
    headline_completed: "đã hoàn thành",
    headline_overdue: "chưa hoàn thành, quá hạn",
    chart_status: "Tình trạng thực hiện nhiệm vụ",
    chart_units: "Tình trạng theo đơn vị",
    chart_documents: "Văn bản đã ban hành",
    chart_schemes: "Đề án",
    chart_growth: "Tăng trưởng kinh tế (GRDP)",
    status_on_time: "Hoàn thành đúng hạn",
    status_late: "Hoàn thành quá hạn",
    status_overdue: "Chưa hoàn thành, quá hạn",
    status_within: "Chưa hoàn thành, còn trong hạn",
    group_completed: "Đã hoàn thành",
    group_not_completed: "Chưa hoàn thành",
    not_split: "báo cáo không tách",
    meetings: "cuộc họp",
    documents_total: "văn bản",
    of_which: "Trong đó",
    schemes_done: "Đã hoàn thành",
    schemes_remaining: "Chưa hoàn thành",
    kind_actual: "Thực hiện",
    kind_estimate: "Ước tính",
    kind_target: "Mục tiêu",
    above: "trên",
    at_least: "ít nhất",
    show_table: "Bảng số liệu",
    summary_label: "Tóm tắt",
    downloads: "Tải xuống",
    download_csv: "CSV",
    download_png: "PNG",
    download_svg: "SVG",
    filters: "Bộ lọc",
    filter_status: "Tình trạng",
    filter_unit: "Đơn vị",
    filter_unit_kind: "Loại đơn vị",
    filter_document: "Văn bản giao",
    filter_due: "Hạn xử lý",
    filter_search: "Tìm theo tên nhiệm vụ",
    filter_search_placeholder: "Ví dụ: cao tốc",
    all: "Tất cả",
    no_document: "Không ghi văn bản",
    kind_department: "Sở, ban, ngành",
    kind_locality: "Địa phương",
    reset: "Xóa bộ lọc",
    count_of: "{x} trên {y} nhiệm vụ",
    count_unknown: "Không xác định được số nhiệm vụ: báo cáo không tách nhóm này",
    needs_records: "Cần dữ liệu từng nhiệm vụ; bộ số liệu này chỉ có số tổng.",
    needs_units: "Bộ số liệu này không chia theo đơn vị.",
    sort_units: "Sắp xếp đơn vị",
    sort_overdue_share: "Tỷ lệ quá hạn",
    sort_total: "Tổng số nhiệm vụ",
    sort_name: "Tên đơn vị",
    table_tasks: "Danh sách nhiệm vụ",
    col_id: "Mã",
    col_title: "Nhiệm vụ",
    col_unit: "Đơn vị",
    col_document: "Văn bản giao",
    col_assigned: "Ngày giao",
    col_due: "Hạn",
    col_completed: "Ngày hoàn thành",
    col_status: "Tình trạng",
    col_count: "Số lượng",
    col_share: "Tỷ lệ",
    col_period: "Kỳ",
    col_value: "Giá trị",
    col_kind: "Loại số liệu",
    col_type: "Loại văn bản",
    col_scheme: "Đề án",
    col_total: "Tổng",
    page_prev: "Trang trước",
    page_next: "Trang sau",
    page_of: "Trang {p}/{n}",
    no_match: "Không có nhiệm vụ nào khớp bộ lọc.",
    copy_link: "Sao chép liên kết",
    copied: "Đã sao chép liên kết",
    copy_failed: "Không sao chép tự động được; hãy chép liên kết dưới đây.",
    embed: "Nhúng vào bài viết",
    embed_help: "Dán đoạn mã này vào bài viết. Khung tự điều chỉnh chiều cao; không có tập lệnh, khung vẫn hiển thị với chiều cao cố định.",
    close: "Đóng",
    full_view: "Xem đầy đủ",
    ignored_params: "Đã bỏ qua phần không hợp lệ của liên kết:",
    snapshot_refused: "Liên kết yêu cầu bộ số liệu không có trong danh mục ({x}); đang hiển thị bộ số liệu mặc định.",
    newer_link: "Liên kết được tạo bởi phiên bản mới hơn; một số thiết lập có thể không được áp dụng.",
    data_notes: "Lưu ý về số liệu",
    selected: "đang chọn",
    click_to_filter: "Nhấn để lọc, nhấn lần nữa để bỏ lọc",
    share_overdue_of_unit: "quá hạn",
    tasks_word: "nhiệm vụ",
    crashed: "Đã xảy ra lỗi, vui lòng tải lại trang.",
    doc_types: [
        "Quyết định",
        "Công văn",
        "Chỉ thị",
        "Báo cáo chuyên đề",
        "Thông báo",
        "Kế hoạch",
        "Báo cáo của Ban Cán sự Đảng",
        "Nghị quyết",
        "Khác",
    ],
};

pub static EN: Labels = Labels {
    app_name: "Task and growth tracker",
    loading: "Loading data…",
    load_failed: "The data could not be loaded",
    load_failed_hint: "The page still works. Please tell the editors, with the details below.",
    illustrative_notice: "Illustrative data, not official figures",
    official: "Official figures",
    source: "Source",
    as_of: "Figures as of",
    published: "published",
    author: "by",
    snapshot: "Snapshot",
    language_switch: "Tiếng Việt",
    language_switch_label: "Chuyển sang tiếng Việt",
    tabs_label: "Sections",
    tab_tasks: "Tasks",
    tab_documents: "Documents and schemes",
    tab_growth: "Growth",
    headline_tasks: "tasks assigned",
    headline_completed: "completed",
    headline_overdue: "not completed, overdue",
    chart_status: "Task status",
    chart_units: "Status by unit",
    chart_documents: "Documents issued",
    chart_schemes: "Schemes",
    chart_growth: "Economic growth (GRDP)",
    status_on_time: "Completed on time",
    status_late: "Completed late",
    status_overdue: "Not completed, overdue",
    status_within: "Not completed, within deadline",
    group_completed: "Completed",
    group_not_completed: "Not completed",
    not_split: "not split in the report",
    meetings: "meetings",
    documents_total: "documents",
    of_which: "Of which",
    schemes_done: "Completed",
    schemes_remaining: "Not completed",
    kind_actual: "Actual",
    kind_estimate: "Estimate",
    kind_target: "Target",
    above: "above",
    at_least: "at least",
    show_table: "Data table",
    summary_label: "Summary",
    downloads: "Download",
    download_csv: "CSV",
    download_png: "PNG",
    download_svg: "SVG",
    filters: "Filters",
    filter_status: "Status",
    filter_unit: "Unit",
    filter_unit_kind: "Unit type",
    filter_document: "Assigning document",
    filter_due: "Due",
    filter_search: "Search task titles",
    filter_search_placeholder: "e.g. expressway",
    all: "All",
    no_document: "No document given",
    kind_department: "Departments and agencies",
    kind_locality: "Localities",
    reset: "Reset filters",
    count_of: "{x} of {y} tasks",
    count_unknown: "The count cannot be known: the report does not split this group",
    needs_records: "Needs task-level data; this snapshot has totals only.",
    needs_units: "This snapshot has no breakdown by unit.",
    sort_units: "Sort units",
    sort_overdue_share: "Overdue share",
    sort_total: "Number of tasks",
    sort_name: "Unit name",
    table_tasks: "Tasks",
    col_id: "ID",
    col_title: "Task",
    col_unit: "Unit",
    col_document: "Assigning document",
    col_assigned: "Assigned",
    col_due: "Due",
    col_completed: "Completed",
    col_status: "Status",
    col_count: "Count",
    col_share: "Share",
    col_period: "Period",
    col_value: "Value",
    col_kind: "Kind",
    col_type: "Document type",
    col_scheme: "Scheme",
    col_total: "Total",
    page_prev: "Previous page",
    page_next: "Next page",
    page_of: "Page {p} of {n}",
    no_match: "No task matches the filters.",
    copy_link: "Copy link",
    copied: "Link copied",
    copy_failed: "Could not copy automatically; copy the link below.",
    embed: "Embed in an article",
    embed_help: "Paste this snippet into the article. The frame adjusts its height; without the script it still shows at a fixed height.",
    close: "Close",
    full_view: "Open the full view",
    ignored_params: "Ignored invalid parts of the link:",
    snapshot_refused: "The link asks for a snapshot that is not in this site's list ({x}); showing the default snapshot.",
    newer_link: "This link was made by a newer version; some settings may not apply.",
    data_notes: "Notes on the data",
    selected: "selected",
    click_to_filter: "Press to filter, press again to clear",
    share_overdue_of_unit: "overdue",
    tasks_word: "tasks",
    crashed: "Something went wrong; please reload the page.",
    doc_types: [
        "Decisions",
        "Official letters",
        "Directives",
        "Thematic reports",
        "Notices",
        "Plans",
        "Party committee reports",
        "Resolutions",
        "Other",
    ],
};

pub fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Fills `{x}`, `{y}`, ... placeholders in order of `values`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |acc, (key, value)| {
            acc.replace(&format!("{{{key}}}"), value)
        })
}

impl Labels {
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::OnTime => self.status_on_time,
            Status::Late => self.status_late,
            Status::Overdue => self.status_overdue,
            Status::WithinDeadline => self.status_within,
        }
    }

    pub fn unit_kind(&self, k: UnitKind) -> &'static str {
        match k {
            UnitKind::Department => self.kind_department,
            UnitKind::Locality => self.kind_locality,
        }
    }

    pub fn figure_kind(&self, k: FigureKind) -> &'static str {
        match k {
            FigureKind::Actual => self.kind_actual,
            FigureKind::Estimate => self.kind_estimate,
            FigureKind::Target => self.kind_target,
        }
    }

    pub fn sort_column(&self, c: SortColumn) -> &'static str {
        match c {
            SortColumn::Id => self.col_id,
            SortColumn::Title => self.col_title,
            SortColumn::Unit => self.col_unit,
            SortColumn::Document => self.col_document,
            SortColumn::Assigned => self.col_assigned,
            SortColumn::Due => self.col_due,
            SortColumn::Completed => self.col_completed,
            SortColumn::Status => self.col_status,
        }
    }

    pub fn doc_type(&self, t: DocType) -> &'static str {
        self.doc_types[t as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_their_placeholders() {
        let s = fill(VI.count_of, &[("x", "41"), ("y", "1.738")]);
        assert_eq!(s, "41 trên 1.738 nhiệm vụ");
        let s = fill(EN.page_of, &[("p", "2"), ("n", "7")]);
        assert_eq!(s, "Page 2 of 7");
    }

    #[test]
    fn status_names_are_the_reporting_terms() {
        assert_eq!(VI.status(Status::OnTime), "Hoàn thành đúng hạn");
        assert_eq!(
            VI.status(Status::WithinDeadline),
            "Chưa hoàn thành, còn trong hạn"
        );
        assert_eq!(EN.status(Status::Overdue), "Not completed, overdue");
    }
}
