// The Chart.js comparison page (bench/first-view.mjs): three horizontal bar charts from the
// snapshot the widget draws by default, fetched at run time as the widget does. When the third
// chart is drawn: <html data-figures="drawn"> and performance.mark('figures').
/* global Chart */
'use strict';

const SNAPSHOT = '../../data/snapshots/quang-ninh-2021-q1.json';

const STATUSES = [
  ['on_time', 'Hoàn thành đúng hạn', '#1a7f37'],
  ['late', 'Hoàn thành quá hạn', '#7fb069'],
  ['overdue', 'Chưa hoàn thành, quá hạn', '#cf222e'],
  ['within_deadline', 'Chưa hoàn thành, còn trong hạn', '#d4a72c'],
];

const DOCUMENT_TYPES = {
  decision: 'Quyết định',
  official_letter: 'Công văn',
  directive: 'Chỉ thị',
  thematic_report: 'Báo cáo chuyên đề',
  notice: 'Thông báo',
  plan: 'Kế hoạch',
  party_report: 'Báo cáo của Ban Cán sự Đảng',
  resolution: 'Nghị quyết',
  other: 'Khác',
};

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

// Each bar's value at its end (Chart.js draws none by default; the datalabels plugin would be
// one more download for four lines).
const valueLabels = {
  id: 'valueLabels',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset, i) => {
      if (!chart.isDatasetVisible(i)) return;
      chart.getDatasetMeta(i).data.forEach((bar, j) => {
        const value = dataset.data[j];
        if (value != null) ctx.fillText(number.format(value) + (options.suffix ?? ''), bar.x + 4, bar.y);
      });
    });
    ctx.restore();
  },
};

function barChart(id, labels, datasets, { suffix = '', legend = false } = {}) {
  return new Chart(document.getElementById(id), {
    type: 'bar',
    data: { labels, datasets },
    plugins: [valueLabels],
    options: {
      locale: 'vi-VN',
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // Room at the bars' end for the value labels.
      scales: { x: { beginAtZero: true, grace: '15%' } },
      plugins: {
        legend: { display: legend, position: 'bottom' },
        valueLabels: { suffix },
        tooltip: {
          callbacks: { label: (c) => `${c.dataset.label}: ${number.format(c.parsed.x)}${suffix}` },
        },
      },
    },
  });
}

function draw(snapshot) {
  const totals = snapshot.tasks.totals;
  barChart(
    'status',
    // "Not completed, within the deadline" on two lines: one is too wide for a phone.
    STATUSES.map(([, label]) => label.split(/(?<=,) /)),
    [{
      label: 'Nhiệm vụ',
      data: STATUSES.map(([key]) => totals[key]),
      backgroundColor: STATUSES.map(([, , colour]) => colour),
    }],
  );

  const issued = snapshot.documents.issued;
  barChart(
    'documents',
    issued.map((d) => (d.type === 'other' && d.label?.vi) || DOCUMENT_TYPES[d.type] || d.type),
    [{ label: 'Văn bản', data: issued.map((d) => d.count), backgroundColor: '#0969da' }],
  );

  const points = snapshot.growth.points;
  const valueOf = (point, kinds) => point.values.find((v) => kinds.includes(v.kind))?.value ?? null;
  barChart(
    'growth',
    points.map((p) => p.period),
    [
      { label: 'Thực hiện / ước tính', data: points.map((p) => valueOf(p, ['actual', 'estimate'])), backgroundColor: '#0969da' },
      { label: 'Mục tiêu', data: points.map((p) => valueOf(p, ['target'])), backgroundColor: '#afb8c1' },
    ],
    { suffix: '%', legend: true },
  );

  const source = snapshot.source;
  if (source) {
    document.getElementById('source').textContent =
      `Nguồn: ${source.name}${source.published ? `, ${source.published}` : ''}`;
  }

  document.documentElement.dataset.figures = 'drawn';
  performance.mark('figures');
}

fetch(SNAPSHOT)
  .then((response) => {
    if (!response.ok) throw new Error(`${SNAPSHOT}: HTTP ${response.status}`);
    return response.json();
  })
  .then(draw)
  .catch((error) => {
    console.error(error);
    document.getElementById('source').textContent = 'Không tải được số liệu.';
  });
