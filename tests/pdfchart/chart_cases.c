/* chart_cases.c — the tables and charts the harness draws: every chart
 * type, Korean and English, nulls, negatives, long and many labels. */
#include <math.h>

#include "chart_cases.h"

#define N(a) (sizeof(a) / sizeof *(a))
#define TEXT(id_, label_, texts_) {id_, label_, QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, texts_}
#define NUM(id_, label_, type_, unit_, nums_, decs_) \
    {id_, label_, type_, NULL, 1, unit_, NULL, nums_, decs_, NULL}

/* decimals as written, for up to 64 rows */
#define DEC1 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char dec0[64], dec1[64] = {DEC1, DEC1, DEC1, DEC1, DEC1, DEC1, DEC1, DEC1};

static const quire_source sources[] = {
    {"ddaily-2024-03", "클라우드 3사 실적", "디지털데일리", "권하영", "2024-03-02", NULL},
    {"synergy", "Cloud market share Q4", "Synergy Research Group", NULL, "2024-02-01", NULL},
    {"canalys", "Cloud Q1 2024", "Canalys", NULL, "2024-05-01", NULL},
};
static const char *const src_ko[] = {"ddaily-2024-03", "synergy"};
static const char *const src_en[] = {"synergy", "canalys", "synergy"};

static const quire_dataset ds_ko = {.struct_size = sizeof(quire_dataset), .id = "t",
                                    .title = "t", .language = "ko", .sources = sources,
                                    .n_sources = N(sources)};
static const quire_dataset ds_en = {.struct_size = sizeof(quire_dataset), .id = "t",
                                    .title = "t", .language = "en-US", .sources = sources,
                                    .n_sources = N(sources)};

/* Cloud market share, percent, one null. */
static const char *const share_cat[] = {"AWS", "마이크로소프트", "구글", "알리바바", "기타"};
static const double share_a[] = {31, 24, 11, 4, 30}, share_b[] = {31, 25, NAN, 4, 29};
static const quire_column share_cols[] = {
    TEXT("provider", "사업자", share_cat),
    NUM("q4", "2023년 4분기 (시너지리서치)", QUIRE_PERCENT, NULL, share_a, dec0),
    NUM("q1", "2024년 1분기 (카날리스)", QUIRE_PERCENT, NULL, share_b, dec0),
};
static const quire_table share = {"cloud-share", "글로벌 클라우드 인프라 시장 점유율", NULL,
                                  {src_ko, 2}, share_cols, 3, 5};

/* Capital expenditure by company and year, stacked. */
static const char *const capex_cat[] = {"2021", "2022", "2023", "2024"};
static const double capex_ms[] = {24.6, 23.9, 28.1, 55.7}, capex_am[] = {61.1, 63.6, 48.4, 83.0},
                    capex_go[] = {24.6, 31.5, 32.3, 52.5}, capex_me[] = {18.6, 31.4, 28.1, 39.2};
static const quire_column capex_cols[] = {
    TEXT("year", "Year", capex_cat),
    NUM("msft", "Microsoft", QUIRE_CURRENCY, "USD bn", capex_ms, dec1),
    NUM("amzn", "Amazon", QUIRE_CURRENCY, "USD bn", capex_am, dec1),
    NUM("goog", "Alphabet", QUIRE_CURRENCY, "USD bn", capex_go, dec1),
    NUM("meta", "Meta", QUIRE_CURRENCY, "USD bn", capex_me, dec1),
};
static const quire_table capex = {"capex", "Big Tech capital expenditure", NULL,
                                  {src_en, 3}, capex_cols, 5, 4};

/* Long Korean labels for horizontal bars. */
static const char *const flow_cat[] = {"아마존 누적 투자", "AWS 지출 약정 (향후 5년)", "구글 투자",
                                       "구글클라우드(GCP) 사용료", "앤스로픽 총 투자 유치액"};
static const double flow_v[] = {40, 40, 20, 30, 73};
static const quire_column flow_cols[] = {
    TEXT("flow", "항목", flow_cat),
    NUM("usd", "금액", QUIRE_CURRENCY, "억달러", flow_v, dec0),
};
static const quire_table flows = {"flows", "앤스로픽을 둘러싼 투자와 클라우드 지출", NULL,
                                  {src_ko, 1}, flow_cols, 2, 5};

/* Monthly series with a gap. */
static const char *const month_cat[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const double gpu_a[] = {12.5, 13.1, 14.8, NAN, 17.9, 19.4, 21.0, 22.2, 24.8, 26.1, 27.5, 30.2};
static const double gpu_b[] = {8.2, 8.9, 9.1, 10.4, 11.0, NAN, NAN, 13.8, 14.1, 15.9, 16.4, 18.0};
static const quire_column gpu_cols[] = {
    TEXT("month", "Month", month_cat),
    NUM("dc", "Data-centre revenue", QUIRE_CURRENCY, "USD bn", gpu_a, dec1),
    NUM("cloud", "Cloud revenue", QUIRE_CURRENCY, "USD bn", gpu_b, dec1),
};
static const quire_table gpu = {"gpu", "Monthly revenue, 2024", NULL, {src_en, 2}, gpu_cols, 3, 12};

/* Growth rates with negatives. */
static const char *const growth_cat[] = {"AWS", "Azure", "Google Cloud", "Oracle", "IBM Cloud"};
static const double growth_a[] = {13, 30, 26, -4.5, -12}, growth_b[] = {17, 31, 28, 21, -3};
static const unsigned char growth_d[] = {0, 0, 0, 1, 0};
static const quire_column growth_cols[] = {
    TEXT("provider", "Provider", growth_cat),
    NUM("fy23", "FY2023", QUIRE_PERCENT, NULL, growth_a, growth_d),
    NUM("q124", "Q1 2024", QUIRE_PERCENT, NULL, growth_b, dec0),
};
static const quire_table growth = {"growth", "Cloud revenue growth, year on year", NULL,
                                   {src_en, 2}, growth_cols, 3, 5};

/* Many categories with long labels: rotated and thinned. */
static const char *const region_cat[] = {
    "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시",
    "울산광역시", "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "충청남도",
    "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도", "해외 데이터센터 (미국·일본·싱가포르)"};
static const double region_v[] = {1820, 412, 233, 388, 121, 302, 98, 77, 2410, 64, 88, 140,
                                  55, 71, 120, 181, 42, 960};
static const quire_column region_cols[] = {
    TEXT("region", "지역", region_cat),
    NUM("mw", "데이터센터 전력 용량", QUIRE_NUMBER, "MW", region_v, dec0),
};
static const quire_table regions = {"regions", "지역별 데이터센터 전력 용량", NULL,
                                    {src_ko, 1}, region_cols, 2, 18};

/* Anthropic investment tranches: a donut; a pie with a null slice. */
static const char *const tr_cat[] = {"1차 투자 (2023년 9월)", "추가 투자 (2024년 3월)"};
static const double tr_v[] = {12.5, 27.5};
static const quire_column tr_cols[] = {
    TEXT("tranche", "구분", tr_cat),
    NUM("usd", "투자액", QUIRE_CURRENCY, "억달러", tr_v, dec1),
};
static const quire_table tranches = {"tranches", "아마존의 앤스로픽 투자 구성", NULL,
                                     {src_ko, 1}, tr_cols, 2, 2};
static const char *const pie_cat[] = {"AWS", "Microsoft", "Google", "Alibaba", "Salesforce",
                                      "Oracle", "Others"};
static const double pie_v[] = {31, 25, NAN, 4, 2, 2, 28};
static const quire_column pie_cols[] = {
    TEXT("provider", "Provider", pie_cat),
    NUM("share", "Share", QUIRE_PERCENT, NULL, pie_v, dec0),
};
static const quire_table pie_t = {"pie", "Cloud infrastructure market share, Q1 2024", NULL,
                                  {src_en, 1}, pie_cols, 2, 7};

/* Sixty weeks: thinned, rotated labels on a line; forty bars sideways. */
static const char *const week_cat[] = {
    "2024년 1주", "2024년 2주", "2024년 3주", "2024년 4주", "2024년 5주", "2024년 6주",
    "2024년 7주", "2024년 8주", "2024년 9주", "2024년 10주", "2024년 11주", "2024년 12주",
    "2024년 13주", "2024년 14주", "2024년 15주", "2024년 16주", "2024년 17주", "2024년 18주",
    "2024년 19주", "2024년 20주", "2024년 21주", "2024년 22주", "2024년 23주", "2024년 24주",
    "2024년 25주", "2024년 26주", "2024년 27주", "2024년 28주", "2024년 29주", "2024년 30주",
    "2024년 31주", "2024년 32주", "2024년 33주", "2024년 34주", "2024년 35주", "2024년 36주",
    "2024년 37주", "2024년 38주", "2024년 39주", "2024년 40주", "2024년 41주", "2024년 42주",
    "2024년 43주", "2024년 44주", "2024년 45주", "2024년 46주", "2024년 47주", "2024년 48주",
    "2024년 49주", "2024년 50주", "2024년 51주", "2024년 52주", "2025년 1주", "2025년 2주",
    "2025년 3주", "2025년 4주", "2025년 5주", "2025년 6주", "2025년 7주", "2025년 8주"};
static const double week_a[] = {
    5.1, 5.3, 5.2, 5.6, 5.9, 6.1, 6.0, 6.4, 6.8, 7.1, 7.0, 7.3, 7.9, 8.2, 8.0, 8.4, 8.9, 9.1,
    9.0, 9.6, 9.9, 10.3, 10.1, 10.8, 11.2, 11.0, 11.6, 12.1, 12.4, 12.2, 12.9, 13.3, 13.1, 13.8,
    14.2, 14.0, 14.7, 15.1, 15.5, 15.2, 15.9, 16.4, 16.2, 16.9, 17.3, 17.1, 17.8, 18.3, 18.1, 18.9,
    19.4, 19.2, 19.9, 20.5, 20.3, 21.0, 21.6, 21.4, 22.1, 22.8};
static const double week_b[] = {
    -2.0, -1.5, -1.8, -0.9, -0.2, 0.4, 0.1, 0.9, 1.5, 1.2, 2.0, 2.6, 2.2, 3.1, 3.6, 3.3, 4.2, 4.8,
    4.4, 5.2, 5.9, 5.5, 6.3, 6.9, 6.6, 7.4, 8.0, 7.7, 8.5, 9.1, 8.8, 9.6, 10.2, 9.9, 10.7, 11.3,
    11.0, 11.8, 12.4, 12.1, 12.9, 13.5, 13.2, 14.0, 14.6, 14.3, 15.1, 15.7, 15.4, 16.2, 16.8, 16.5,
    17.3, 17.9, 17.6, 18.4, 19.0, 18.7, 19.5, 20.1};
static const quire_column week_cols[] = {
    TEXT("week", "주차", week_cat),
    NUM("gpu", "GPU 임대 단가 지수", QUIRE_NUMBER, NULL, week_a, dec1),
    NUM("margin", "영업이익률 변화 (%p)", QUIRE_NUMBER, NULL, week_b, dec1),
};
static const quire_table weeks = {"weeks", "주간 GPU 임대 단가와 영업이익률", NULL,
                                  {src_ko, 1}, week_cols, 3, 60};
static const quire_table weeks40 = {"weeks40", "주차별 GPU 임대 단가 (40주)", NULL,
                                    {src_ko, 1}, week_cols, 3, 40};

/* Eight series: the legend wraps, the palette comes round lighter. */
static const char *const q_cat[] = {"2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4"};
static const double s1[] = {3, 4, 5, 6}, s2[] = {2, 3, 3, 4}, s3[] = {5, 5, 6, 7},
                    s4[] = {1, 2, 2, 3}, s5[] = {4, 4, 5, 5}, s6[] = {2, 2, 3, 3},
                    s7[] = {6, 7, 7, 8}, s8[] = {3, 3, 4, 6};
static const quire_column eight_cols[] = {
    TEXT("q", "Quarter", q_cat),
    NUM("a", "Amazon Web Services", QUIRE_PERCENT, NULL, s1, dec0),
    NUM("b", "Microsoft Azure", QUIRE_PERCENT, NULL, s2, dec0),
    NUM("c", "Google Cloud Platform", QUIRE_PERCENT, NULL, s3, dec0),
    NUM("d", "Alibaba Cloud", QUIRE_PERCENT, NULL, s4, dec0),
    NUM("e", "Oracle Cloud Infrastructure", QUIRE_PERCENT, NULL, s5, dec0),
    NUM("f", "IBM Cloud", QUIRE_PERCENT, NULL, s6, dec0),
    NUM("g", "Tencent Cloud", QUIRE_PERCENT, NULL, s7, dec0),
    NUM("h", "Naver Cloud", QUIRE_PERCENT, NULL, s8, dec0),
};
static const quire_table eight = {"eight", "Quarterly growth by provider", NULL,
                                  {src_en, 1}, eight_cols, 9, 4};

static const size_t ys1[] = {1}, ys12[] = {1, 2}, ys1234[] = {1, 2, 3, 4};
static const size_t ys8[] = {1, 2, 3, 4, 5, 6, 7, 8};

static const chart_case cases[] = {
    {"bar-grouped", &ds_ko, {QUIRE_CHART_BAR, &share, 0, ys12, 2, NULL, 0, 0, 0, 1}, 495, 0},
    {"bar-stacked", &ds_en, {QUIRE_CHART_BAR, &capex, 0, ys1234, 4, "Capital expenditure by company (USD bn)", 1, 0, 0, 1}, 495, 0},
    {"bar-horizontal", &ds_ko, {QUIRE_CHART_BAR, &flows, 0, ys1, 1, NULL, 0, 1, 0, 1}, 495, 0},
    {"line-gap", &ds_en, {QUIRE_CHART_LINE, &gpu, 0, ys12, 2, NULL, 0, 0, 0, 0}, 495, 0},
    {"bar-negative", &ds_en, {QUIRE_CHART_BAR, &growth, 0, ys12, 2, NULL, 0, 0, 0, 1}, 495, 0},
    {"bar-many", &ds_ko, {QUIRE_CHART_BAR, &regions, 0, ys1, 1, NULL, 0, 0, 0, 0}, 495, 0},
    {"pie-null", &ds_en, {QUIRE_CHART_PIE, &pie_t, 0, ys1, 1, NULL, 0, 0, 0, 1}, 495, 0},
    {"donut", &ds_ko, {QUIRE_CHART_PIE, &tranches, 0, ys1, 1, NULL, 0, 0, 1, 1}, 495, 0},
    {"hbar-negative", &ds_en, {QUIRE_CHART_BAR, &growth, 0, ys12, 2, "Growth by provider", 0, 1, 0, 1}, 495, 0},
    {"line-weeks", &ds_ko, {QUIRE_CHART_LINE, &weeks, 0, ys12, 2, NULL, 0, 0, 0, 0}, 495, 0},
    {"hbar-forty", &ds_ko, {QUIRE_CHART_BAR, &weeks40, 0, ys12, 2, NULL, 1, 1, 0, 0}, 495, 0},
    {"legend-wrap", &ds_en, {QUIRE_CHART_BAR, &eight, 0, ys8, 8, NULL, 0, 0, 0, 1}, 495, 0},
    {"legend-wrap-stacked", &ds_en, {QUIRE_CHART_BAR, &eight, 0, ys8, 8, "Stacked sideways", 1, 1, 0, 1}, 495, 0},
    {"squeezed-hbar", &ds_ko, {QUIRE_CHART_BAR, &weeks40, 0, ys12, 2, "눌린 상자: 40행 가로 막대", 0, 1, 0, 1}, 495, 0.45},
    {"squeezed-bar", &ds_ko, {QUIRE_CHART_BAR, &share, 0, ys12, 2, "눌린 상자: 막대", 0, 0, 0, 1}, 495, 0.5},
    {"squeezed-line", &ds_en, {QUIRE_CHART_LINE, &gpu, 0, ys12, 2, "Squeezed: line", 0, 0, 0, 1}, 495, 0.5},
    {"squeezed-pie", &ds_en, {QUIRE_CHART_PIE, &pie_t, 0, ys1, 1, "Squeezed: pie", 0, 0, 0, 1}, 495, 0.6},
    {"narrow-bar", &ds_ko, {QUIRE_CHART_BAR, &flows, 0, ys1, 1, "좁은 상자의 막대 차트", 0, 0, 0, 1}, 235, 0},
    {"narrow-line", &ds_ko, {QUIRE_CHART_LINE, &share, 0, ys12, 2, "좁은 상자의 선 차트", 0, 0, 0, 1}, 235, 0},
    {"narrow-pie", &ds_en, {QUIRE_CHART_PIE, &pie_t, 0, ys1, 1, "A pie in a narrow box", 0, 0, 0, 1}, 235, 0},
    {"narrow-donut", &ds_ko, {QUIRE_CHART_PIE, &share, 0, ys12, 1, "좁은 상자의 도넛", 0, 0, 1, 0}, 180, 0},
};

/* ---- ABI 2 chart options ------------------------------------------- */

/* Revenue in columns, margin as a line on the secondary axis. */
static const char *const combo_cat[] = {"2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4", "2025 Q1", "2025 Q2"};
static const double combo_rev[] = {25.0, 26.3, 27.5, 28.8, 29.3, 30.9};
static const double combo_margin[] = {37.6, 35.5, 38.1, 36.9, 39.5, 32.4};
static const quire_column combo_cols[] = {
    TEXT("quarter", "Quarter", combo_cat),
    NUM("revenue", "AWS revenue", QUIRE_CURRENCY, "USD bn", combo_rev, dec1),
    NUM("margin", "Operating margin", QUIRE_PERCENT, "%", combo_margin, dec1),
};
static const quire_table combo = {"combo", "AWS revenue and margin", NULL, {src_en, 1}, combo_cols, 3, 6};
static const quire_series combo_series[] = {{1, 0, 0}, {2, 1, 1}};
static const quire_reference combo_refs[] = {{35, "Target 35%", 1}};
static const quire_series right_bars[] = {{1, 0, 0}, {2, 0, 1}};

/* Dates out of order and unevenly spaced: placed by time. */
static const char *const day_txt[] = {"2025-01-01", "2025-02-01", "2025-03-01", "2025-01-15",
                                      "2025-04-01", "2025-06-01", "2025-09-01"};
static const double day_num[] = {20089, 20120, 20148, 20103, 20179, 20240, 20332};
static const double day_v[] = {10.5, 12.0, 13.5, 11.0, 12.8, 15.2, 16.9};
static const double day_w[] = {4.0, 4.5, 5.5, 4.2, 6.0, 6.3, 7.1};
static const quire_column day_cols[] = {
    {"day", "Date", QUIRE_DATE, NULL, 1, NULL, NULL, day_num, dec0, day_txt},
    NUM("gpu", "GPU hours", QUIRE_NUMBER, "m hours", day_v, dec1),
    NUM("tpu", "TPU hours", QUIRE_NUMBER, "m hours", day_w, dec1),
};
static const quire_table days = {"days", "Accelerator hours by date", NULL, {src_en, 1}, day_cols, 3, 7};

/* Scatter: capex against growth, named points, some close together. */
static const char *const sc_name[] = {"AWS", "Azure", "Google Cloud", "Oracle", "IBM", "Alibaba",
                                      "Tencent", "Naver", "OVH", "Akamai", "DigitalOcean", "Huawei"};
static const double sc_x[] = {83.0, 55.7, 52.5, 6.9, 1.9, 7.2, 9.5, 1.2, 0.9, 1.1, 0.8, 8.1};
static const double sc_y[] = {17, 31, 28, 21, -3, 6, 8, 12, 9, 11, 13, 7.5};
static const unsigned char sc_d[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
static const quire_column sc_cols[] = {
    TEXT("provider", "Provider", sc_name),
    NUM("capex", "Capital expenditure", QUIRE_CURRENCY, "USD bn", sc_x, dec1),
    NUM("growth", "Revenue growth", QUIRE_PERCENT, "%", sc_y, sc_d),
};
static const quire_table scat = {"scatter", "Capital expenditure and growth", NULL, {src_en, 2}, sc_cols, 3, 12};

/* Growth with a small negative: the axis ends just below it. */
static const char *const neg_cat[] = {"AWS", "Azure", "Google", "Oracle", "IBM"};
static const double neg_v[] = {61, 80, 44, -0.8, -11.4};
static const quire_column neg_cols[] = {
    TEXT("provider", "Provider", neg_cat),
    NUM("growth", "Growth", QUIRE_PERCENT, "%", neg_v, dec1),
};
static const quire_table negt = {"neg", "Growth, one small negative", NULL, {src_en, 1}, neg_cols, 2, 5};

static const size_t ys2[] = {1, 2};
static const char *const hl_aws[] = {"AWS"};
static const quire_reference share_refs[] = {{20, "평균 20%", 0}};
static const quire_reference line_refs[] = {{14, "Plan", 0}};

#define OPT .y_min = NAN, .y_max = NAN
static const chart_case cases2[] = {
    {"combo-right-axis", &ds_en, {.type = QUIRE_CHART_BAR, .table = &combo, .x = 0, .y = ys2, .n_y = 2,
      .series = combo_series, .n_series = 2, .references = combo_refs, .n_references = 1,
      .value_labels = 1, OPT}, 495, 0},
    {"combo-right-bars", &ds_en, {.type = QUIRE_CHART_BAR, .table = &combo, .x = 0, .y = ys2, .n_y = 2,
      .series = right_bars, .n_series = 2, .title = "Bars on both axes", .title_given = 1,
      .value_labels = 1, OPT}, 495, 0},
    {"area-plain", &ds_en, {.type = QUIRE_CHART_AREA, .table = &gpu, .x = 0, .y = ys12, .n_y = 2,
      .title = "Monthly revenue as areas", .title_given = 1, OPT}, 495, 0},
    {"area-stacked", &ds_en, {.type = QUIRE_CHART_AREA, .table = &capex, .x = 0, .y = ys1234, .n_y = 4,
      .stacked = 1, .title = "Capital expenditure, stacked areas", .title_given = 1,
      .legend = QUIRE_LEGEND_BOTTOM, OPT}, 495, 0},
    {"scatter-labels", &ds_en, {.type = QUIRE_CHART_SCATTER, .table = &scat, .x = 1, .y = (const size_t[]){2},
      .n_y = 1, .has_label = 1, .label = 0, OPT}, 330, 0},
    {"time-line", &ds_en, {.type = QUIRE_CHART_LINE, .table = &days, .x = 0, .y = ys12, .n_y = 2,
      .references = line_refs, .n_references = 1, OPT}, 495, 0},
    {"time-bar", &ds_en, {.type = QUIRE_CHART_BAR, .table = &days, .x = 0, .y = ys1, .n_y = 1,
      .title = "Bars by date", .title_given = 1, .value_labels = 1, OPT}, 495, 0},
    {"highlight-reference", &ds_ko, {.type = QUIRE_CHART_BAR, .table = &share, .x = 0, .y = ys1, .n_y = 1,
      .highlight = {hl_aws, 1}, .references = share_refs, .n_references = 1, .value_labels = 1,
      .sort = QUIRE_SORT_DESC, OPT}, 495, 0},
    {"y-range-format", &ds_en, {.type = QUIRE_CHART_LINE, .table = &gpu, .x = 0, .y = ys12, .n_y = 2,
      .title = "Fixed axis 0 to 40", .title_given = 1, .y_min = 0, .y_max = 40, .y_format = "0.0",
      .legend = QUIRE_LEGEND_RIGHT, .height_pt = 260}, 495, 0},
    {"small-negative", &ds_en, {.type = QUIRE_CHART_BAR, .table = &negt, .x = 0, .y = ys1, .n_y = 1,
      .value_labels = 1, .horizontal = 1, .sort = QUIRE_SORT_ASC, OPT}, 495, 0},
    {"pie-percent", &ds_en, {.type = QUIRE_CHART_PIE, .table = &pie_t, .x = 0, .y = ys1, .n_y = 1,
      .title = "Shares of the total", .title_given = 1, .percent_labels = 1,
      .highlight = {hl_aws, 1}, OPT}, 495, 0},
};

/* Every case, the ABI 1 ones first. */
static chart_case all_cases[sizeof cases / sizeof *cases + sizeof cases2 / sizeof *cases2];

const chart_case *chart_cases(size_t *n)
{
    size_t k = 0;
    for (size_t i = 0; i < N(cases); i++) {
        all_cases[k] = cases[i];
        /* built before y_min/y_max existed: not given */
        all_cases[k].chart.y_min = all_cases[k].chart.y_max = NAN;
        k++;
    }
    for (size_t i = 0; i < N(cases2); i++) all_cases[k++] = cases2[i];
    *n = k;
    return all_cases;
}
