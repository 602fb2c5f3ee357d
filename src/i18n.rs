//! The UI languages (Bahasa Indonesia and English): every user-facing string, and how numbers,
//! percentages and dates are written in each. Pure, so the domain's generated sentences and the
//! UI share one catalog; a message missing in one language does not compile.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Lang {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 tag, as used in `<html lang>` and stored preferences.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// Picks the UI language from a stored choice or the browser's preferred languages:
    /// Indonesian (and Malay, which readers of Indonesian understand) gets Indonesian, anything
    /// else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "id" | "in" | "ms" => return Lang::Id,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::En
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    fn separators(self) -> (char, char) {
        match self {
            Lang::Id => ('.', ','),
            Lang::En => (',', '.'),
        }
    }

    /// A number with grouping and `decimals` fraction digits: `12.345,6` or `12,345.6`.
    pub fn number(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return "–".into();
        }
        let (group, point) = self.separators();
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
        let negative = value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0');
        if negative {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group);
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
        }
        out
    }

    /// A whole number with grouping.
    pub fn count(self, value: f64) -> String {
        self.number(value.round(), 0)
    }

    /// A share (0.123) as a percentage: `12,3%` or `12.3%`.
    pub fn percent(self, share: f64, decimals: usize) -> String {
        format!("{}%", self.number(share * 100.0, decimals))
    }

    /// A large number shortened: `12,3 rb` / `1,2 jt` or `12.3K` / `1.2M`.
    pub fn compact(self, value: f64) -> String {
        let (suffixes, space): (&[&str; 3], &str) = match self {
            Lang::Id => (&["rb", "jt", "M"], " "),
            Lang::En => (&["K", "M", "B"], ""),
        };
        let abs = value.abs();
        let (scaled, suffix) = if abs >= 1e9 {
            (value / 1e9, suffixes[2])
        } else if abs >= 1e6 {
            (value / 1e6, suffixes[1])
        } else if abs >= 1e4 {
            (value / 1e3, suffixes[0])
        } else {
            return self.count(value);
        };
        format!("{}{space}{suffix}", self.number(scaled, 1))
    }

    /// A date as people write it: `27 Nov 2026` or `Nov 27, 2026`.
    pub fn date(self, date: NaiveDate) -> String {
        let month = self.month_short(date.month());
        match self {
            Lang::Id => format!("{} {} {}", date.day(), month, date.year()),
            Lang::En => format!("{} {}, {}", month, date.day(), date.year()),
        }
    }

    /// A month and year: `November 2026` / `November 2026`.
    pub fn month_year(self, date: NaiveDate) -> String {
        format!("{} {}", self.month_long(date.month()), date.year())
    }

    /// A weekday's short name, Monday = 0.
    pub fn weekday_short(self, monday_based: usize) -> &'static str {
        const ID: [&str; 7] = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        match self {
            Lang::Id => ID[monday_based.min(6)],
            Lang::En => EN[monday_based.min(6)],
        }
    }

    pub fn month_short(self, month: u32) -> &'static str {
        const ID: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
        ];
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::Id => ID[i],
            Lang::En => EN[i],
        }
    }

    pub fn month_long(self, month: u32) -> &'static str {
        const ID: [&str; 12] = [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let i = (month.clamp(1, 12) - 1) as usize;
        match self {
            Lang::Id => ID[i],
            Lang::En => EN[i],
        }
    }

    /// A byte size for storage figures: `12,5 MB`.
    pub fn bytes(self, bytes: f64) -> String {
        const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
        let mut value = bytes.max(0.0);
        let mut unit = 0;
        while value >= 1024.0 && unit < UNITS.len() - 1 {
            value /= 1024.0;
            unit += 1;
        }
        let decimals = if unit == 0 { 0 } else { 1 };
        format!("{} {}", self.number(value, decimals), UNITS[unit])
    }
}

/// Declares the message catalog: every message names its Indonesian and English text.
macro_rules! messages {
    ($($key:ident => $id:literal, $en:literal;)*) => {
        /// A user-facing message. Placeholders are written `{name}` and filled with [`fill`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            #[cfg(not(feature = "catalog-file"))]
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Id => match self { $(Msg::$key => $id),* },
                    Lang::En => match self { $(Msg::$key => $en),* },
                }
            }

            /// The text from the language's catalog file (see [`catalog`]); empty until the
            /// file is installed.
            #[cfg(feature = "catalog-file")]
            pub fn text(self, lang: Lang) -> &'static str {
                catalog::text(lang, self as usize)
            }
        }
    };
}

/// The page's catalog: with the `catalog-file` feature (the page's build), message texts are not
/// compiled in; the page fetches the file of the language it shows (written from this module by
/// `scripts/catalog.py`: the texts in declaration order) and installs it before showing anything.
#[cfg(feature = "catalog-file")]
pub mod catalog {
    use super::Lang;
    use std::sync::OnceLock;

    static TEXTS: [OnceLock<Vec<&'static str>>; 2] = [OnceLock::new(), OnceLock::new()];

    fn slot(lang: Lang) -> &'static OnceLock<Vec<&'static str>> {
        &TEXTS[match lang {
            Lang::Id => 0,
            Lang::En => 1,
        }]
    }

    /// Installs a language's texts (kept for the page's lifetime). A second install is ignored.
    pub fn install(lang: Lang, texts: Vec<String>) {
        let _ = slot(lang).set(texts.into_iter().map(|t| &*t.leak()).collect());
    }

    pub fn is_installed(lang: Lang) -> bool {
        slot(lang).get().is_some()
    }

    pub(super) fn text(lang: Lang, index: usize) -> &'static str {
        slot(lang)
            .get()
            .and_then(|texts| texts.get(index).copied())
            .unwrap_or_default()
    }
}

/// The text with its first letter a capital.
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Replaces `{name}` placeholders in a message.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

messages! {
    AppTagline => "Meja kerja media sosial di peramban Anda", "Your social media workbench, in the browser";
    SkipToContent => "Lompat ke isi", "Skip to content";
    Language => "Bahasa", "Language";
    TextsUnavailable => "Teks bahasa itu tidak dapat dimuat. Periksa koneksi lalu coba lagi.", "That language's texts could not be loaded. Check the connection and try again.";
    MainNavigation => "Navigasi utama", "Main navigation";
    NavHome => "Beranda", "Home";
    NavImport => "Impor", "Import";
    NavAudit => "Audit", "Audit";
    NavPersonas => "Persona", "Personas";
    NavCalendar => "Kalender", "Calendar";
    NavListening => "Pemantauan", "Listening";
    NavInbox => "Kotak masuk", "Inbox";
    NavInfluencers => "Influencer", "Influencers";
    NavReports => "Laporan", "Reports";
    NavSettings => "Pengaturan", "Settings";
    NotFoundTitle => "Halaman tidak ditemukan", "Page not found";
    NotFoundBody => "Alamat ini tidak ada di Linimasa. Kembali ke beranda untuk melanjutkan.", "This address is not part of Linimasa. Go back home to carry on.";
    BackHome => "Ke beranda", "Go home";
    Loading => "Memuat workspace…", "Loading workspace…";
    Working => "Sedang bekerja…", "Working…";
    Dismiss => "Tutup", "Dismiss";
    Cancel => "Batal", "Cancel";
    Save => "Simpan", "Save";
    Saved => "Tersimpan.", "Saved.";
    EmptyTitle => "Workspace ini masih kosong", "This workspace is empty";
    EmptyBody => "Tarik file ekspor analitik dari Meta Business Suite, LinkedIn, X, TikTok, YouTube Studio atau Google Analytics ke halaman Impor. Semua diproses di perangkat ini; tidak ada data yang dikirim ke mana pun. Atau jelajahi dulu dengan workspace contoh.", "Drop the analytics exports from Meta Business Suite, LinkedIn, X, TikTok, YouTube Studio or Google Analytics on the Import page. Everything is processed on this device; no data is sent anywhere. Or explore first with a demo workspace.";
    EmptyImport => "Impor file", "Import files";
    LoadDemo => "Muat workspace contoh", "Load the demo workspace";
    DemoLoaded => "Workspace contoh dimuat: {records} catatan.", "Demo workspace loaded: {records} records.";
    DemoReplaceConfirm => "Workspace contoh akan menggantikan isi workspace ini ({records} catatan). Lanjutkan?", "The demo workspace will replace this workspace's contents ({records} records). Continue?";
    HomeTitle => "Ringkasan workspace", "Workspace overview";
    KpiProfiles => "Profil", "Profiles";
    KpiPosts => "Postingan", "Posts";
    KpiEngagement30 => "Engagement 30 hari", "Engagement, 30 days";
    KpiFollowers => "Pengikut", "Followers";
    KpiPlanned => "Rencana konten", "Planned posts";
    KpiAudience => "Audiens (orang)", "Audience (people)";
    DefEngagement => "Engagement = reaksi + komentar + bagikan + simpan. Klik dihitung terpisah.", "Engagement = reactions + comments + shares + saves. Clicks are counted separately.";
    DefEngagementRate => "Tingkat engagement per jangkauan = engagement ÷ jangkauan, pada postingan yang jangkauannya diketahui.", "Engagement rate by reach = engagement ÷ reach, over posts whose reach is known.";
    DefFollowers => "Pengikut = jumlah terakhir yang tercatat pada metrik harian profil.", "Followers = the latest count recorded in the profile's daily metrics.";
    DefPosts30 => "Postingan dalam 30 hari hingga hari terakhir yang ada datanya.", "Posts in the 30 days up to the last day with data.";
    WhatIsThis => "Definisi", "Definition";
    ColProfile => "Profil", "Profile";
    ColPlatform => "Platform", "Platform";
    ColRegion => "Wilayah", "Region";
    ColSubBrand => "Sub-merek", "Sub-brand";
    ColPosts30 => "Postingan (30 hari)", "Posts (30 days)";
    ColFollowers => "Pengikut", "Followers";
    ColEngagement30 => "Engagement (30 hari)", "Engagement (30 days)";
    ColRateReach => "Tingkat engagement (per jangkauan)", "Engagement rate (by reach)";
    ColMetric => "Metrik", "Metric";
    ColBenchmarkValue => "Nilai tolok ukur", "Benchmark value";
    ColCoverage => "Data", "Data";
    Competitor => "Pesaing", "Competitor";
    CoverageRange => "{from} – {to}", "{from} – {to}";
    NoData => "Belum ada data", "No data yet";
    ProfilesTitle => "Profil", "Profiles";
    ComingTitle => "Segera hadir", "Coming next";
    ImportWhat => "Tarik file ekspor dari setiap platform ke sini. Linimasa mengenali platform dan jenis file dari isinya, membaca setiap encoding dan format tanggal, mencocokkan profil, dan menjelaskan baris mana yang tidak bisa diimpor beserta alasannya. File yang gagal tidak menyimpan apa pun.", "Drop the export files of every platform here. Linimasa recognises the platform and kind of file from its content, reads every encoding and date format, matches profiles, and explains which rows could not be imported and why. A file that fails stores nothing.";
    AuditWhat => "Audit menjelaskan kondisi setiap profil: pertumbuhan pengikut, engagement, frekuensi, format terbaik, waktu respons; memberi temuan dengan bukti, penyebab yang mungkin dan tindakan yang disarankan, serta skor 0–100 dengan bobot yang terlihat.", "The audit explains every profile: follower growth, engagement, frequency, best formats, response times; it gives findings with evidence, likely causes and a recommended action, and a 0–100 score with visible weights.";
    PersonasWhat => "Kelompokkan audiens Anda sendiri (CRM, survei, daftar pengikut) menjadi persona, langsung di peramban: ciri pembeda dengan lift terhadap seluruh audiens, di mana mereka ditemukan, dan bagaimana persona bergeser dari waktu ke waktu.", "Group your own audience (CRM, surveys, follower lists) into personas, right in the browser: defining traits with lift against the whole audience, where they are found, and how personas drift over time.";
    CalendarWhat => "Kalender editorial dengan tampilan bulan, minggu dan daftar; alur persetujuan antar peran; hari libur nasional dan cuti bersama; ekspor ICS; bekerja tanpa jaringan di tablet.", "An editorial calendar with month, week and list views; an approval workflow between roles; national holidays and collective leave; ICS export; works offline on tablets.";
    ListeningWhat => "Pantau penyebutan merek, topik dan pertanyaan: volume dan frekuensi, sentimen, influencer yang menyebut merek, dan peringatan untuk frasa pilihan.", "Follow mentions of the brand, topics and questions: volume and frequency, sentiment, influencers who mention the brand, and alerts for chosen phrases.";
    InboxWhat => "Layanan pelanggan: pesan dan komentar per platform, penugasan per orang atau topik, pedoman balasan, tingkat dan waktu respons.", "Customer service: messages and comments per platform, assignment by person or topic, reply guidelines, response rate and time.";
    InfluencersWhat => "Temukan influencer yang paling relevan bagi audiens Anda, lihat demografi, ukuran audiens, engagement dan skor kinerja, dan lacak kampanye.", "Find the influencers most relevant to your audience, see their demographics, audience size, engagement and performance score, and track campaigns.";
    ReportsWhat => "Laporan untuk tim, manajemen atau klien: satu file HTML mandiri yang bisa dibuka tanpa jaringan dan diimpor kembali ke Linimasa, plus CSV dan XLSX setiap tabel.", "Reports for the team, management or a client: one self-contained HTML file that opens offline and re-imports into Linimasa, plus CSV and XLSX of every table.";
    InWorkspace => "Di workspace ini: {what}.", "In this workspace: {what}.";
    CountMentions => "{n} penyebutan", "{n} mentions";
    ListeningHowTo => "Impor ekspor dari alat social listening (Brand24, Talkwalker, Meltwater, Mention, Awario…) di halaman Impor: tanggal, penulis, teks, tautan, sumber, jangkauan, pengikut, dan sentimen dikenali dalam enam bahasa.", "Import exports from social listening tools (Brand24, Talkwalker, Meltwater, Mention, Awario…) on the Import page: date, author, text, link, source, reach, followers and sentiment are recognised in six languages.";
    ListeningWindow => "Jendela", "Window";
    ListeningComputing => "Menghitung penyebutan…", "Counting mentions…";
    CountMessages => "{n} pesan", "{n} messages";
    InboxHowTo => "Impor ekspor kotak masuk (Sprout Social, Hootsuite, Meta Business Suite, alat help desk…) di halaman Impor: waktu diterima, jaringan, profil, pengirim, pesan, jenis, waktu balasan atau waktu respons dikenali dalam enam bahasa.", "Import inbox exports (Sprout Social, Hootsuite, Meta Business Suite, help-desk tools…) on the Import page: time received, network, profile, sender, message, type, reply time or response time are recognised in six languages.";
    InboxComputing => "Menghitung pesan…", "Counting messages…";
    InboxMessages => "Pesan diterima", "Messages received";
    InboxWaiting => "Menunggu balasan pertama", "Waiting for a first reply";
    InboxOldestWaiting => "Paling lama menunggu balasan", "Waiting longest for a reply";
    InboxByProfile => "Per profil", "By profile";
    InboxByKind => "Menurut jenis", "By kind";
    KindQuestion => "Pertanyaan", "Questions";
    KindComplaint => "Keluhan", "Complaints";
    KindPraise => "Pujian", "Praise";
    KindOther => "Lainnya", "Other";
    ColReceived => "Diterima", "Received";
    ColFrom => "Dari", "From";
    ColKind => "Jenis", "Kind";
    ColAssignee => "Petugas", "Assignee";
    ColCount => "Jumlah", "Count";
    CountInfluencers => "{n} influencer", "{n} influencers";
    CountReports => "{n} definisi laporan", "{n} report definitions";
    CountAudience => "{n} orang di tabel audiens", "{n} people in audience tables";
    CountPosts => "{n} postingan", "{n} posts";
    ImportDrop => "Tarik file ke sini, atau", "Drop files here, or";
    ImportChoose => "pilih file", "choose files";
    ImportFormats => "CSV, XLS, XLSX dari Meta Business Suite, X, TikTok Studio, YouTube Studio, Google Analytics, dan lainnya. Beberapa file sekaligus.", "CSV, XLS, XLSX from Meta Business Suite, X, TikTok Studio, YouTube Studio, Google Analytics and more. Several files at once.";
    ImportProgress => "File {n} dari {total}: {file} — {stage}", "File {n} of {total}: {file} — {stage}";
    StageRead => "membaca", "reading";
    StageDecode => "mengenali encoding", "decoding";
    StageParse => "membaca baris", "parsing";
    StageStore => "menyimpan", "storing";
    ImportCancelled => "Impor dibatalkan. Tidak ada yang disimpan.", "Import cancelled. Nothing was stored.";
    ImportDone => "Selesai: {ok} dari {total} file diimpor.", "Done: {ok} of {total} files imported.";
    ImportResults => "Hasil impor", "Import results";
    ImportRecognised => "{platform} · {kind} · {family}", "{platform} · {kind} · {family}";
    ImportProfile => "Profil: {profile}", "Profile: {profile}";
    ImportPeriod => "Periode: {from} – {to}", "Period: {from} – {to}";
    ImportColumns => "{mapped} dari {total} kolom dikenali", "{mapped} of {total} columns recognised";
    ImportCounts => "{rows} catatan: {inserted} baru, {updated} diperbarui, {unchanged} tidak berubah; {skipped} baris dilewati.", "{rows} records: {inserted} new, {updated} updated, {unchanged} unchanged; {skipped} rows skipped.";
    ImportChanges => "Perubahan pada postingan yang diperbarui: {changes}.", "Changes on the updated posts: {changes}.";
    CompetitorMarksTitle => "Profil pesaing", "Competitors' profiles";
    CompetitorMarksHint => "Centang profil yang ekspornya milik pesaing (misalnya ekspor pesaing LinkedIn atau ekspor alat pemantauan untuk merek lain). Audit membandingkan pertumbuhan pengikut, engagement dan frekuensi posting mereka dengan profil Anda.", "Tick the profiles whose exports are a competitor's (a LinkedIn competitor export, or a monitoring tool's export of another brand). The audit compares their follower growth, engagement and posting frequency with your profiles.";
    CompetitorMarkLabel => "{name} adalah profil pesaing", "{name} is a competitor's profile";
    ImportFailed => "Tidak diimpor; tidak ada yang disimpan dari file ini.", "Not imported; nothing from this file was stored.";
    ImportHistory => "Riwayat impor", "Import history";
    ImportHistoryEmpty => "Belum ada file yang diimpor.", "No files imported yet.";
    ImportProfiles => "Profil", "Profiles";
    ImportProfilesHint => "Impor mencocokkan atau membuat profil dari nama dan ID di file. Jika sebuah profil sebenarnya profil lain (misalnya halaman yang berganti nama), pindahkan datanya ke sana.", "Imports match or create profiles from the names and IDs in the files. If a profile is really another one (a renamed page, say), move its data there.";
    ReassignTo => "Pindahkan datanya ke", "Move its data to";
    ReassignButton => "Pindahkan", "Move";
    ReassignConfirm => "Pindahkan semua data {from} ke {to}? {from} lalu dihapus, dan impor berikutnya yang menyebut {from} masuk ke {to}. Jika keduanya punya data yang sama, versi yang lebih baru yang disimpan.", "Move all data of {from} to {to}? {from} is then removed, and later imports that name {from} go to {to}. Where both have the same data, the newer version is kept.";
    Reassigned => "{posts} postingan dan {days} hari dipindahkan ke {to}.", "{posts} posts and {days} days moved to {to}.";
    ReassignImpossible => "Profil ini tidak bisa dipindahkan: {detail}", "This profile cannot be moved: {detail}";
    ReassignUnknown => "profil {profile} sudah tidak ada.", "profile {profile} no longer exists.";
    ReassignSame => "sebuah profil tidak bisa dipindahkan ke dirinya sendiri.", "a profile cannot be moved onto itself.";
    ReassignOtherPlatform => "kedua profil ada di platform yang berbeda.", "the two profiles are on different platforms.";
    ReassignCompetitor => "profil sendiri dan profil kompetitor tidak bisa digabung.", "an own profile and a competitor's cannot be merged.";
    ReassignButtonLabel => "Pindahkan data {name}", "Move the data of {name}";
    ProfilePosts => "{n} postingan", "{n} posts";
    ImportRowAt => "baris {row}", "row {row}";
    ImportColumnAt => "kolom \"{column}\"", "column \"{column}\"";
    ErrEmptyFile => "File kosong. Ekspor ulang dari platformnya lalu coba lagi.", "The file is empty. Export it again from the platform and retry.";
    ErrUnknownFormat => "Jenis file tidak dikenali (kolom: {detail}). Pastikan ini file ekspor analitik dari platform yang didukung, atau tabel dengan baris judul kolom.", "This kind of file is not recognised (columns: {detail}). Check that it is an analytics export from a supported platform, or a table with a header row.";
    ErrNeedsMapping => "Kolom file ini tidak dikenali. Pilih isi setiap kolom di bawah: pemetaan disimpan dan dipakai lagi untuk file berikutnya dengan kolom yang sama.", "This file's columns are not recognised. Choose what each column holds below: the mapping is saved and used again for the next file with the same columns.";
    ErrMappingIncomplete => "Pemetaan belum cukup: pilih kolom waktu terbit (dengan ID postingan atau tautan) untuk postingan, atau kolom tanggal untuk angka harian.", "The mapping is not enough: choose the publish-time column (with a post ID or link column) for posts, or a date column for daily figures.";
    MappingTitle => "Petakan kolom", "Map the columns";
    MappingPlatform => "Platform", "Platform";
    MappingProfile => "Nama profil", "Profile name";
    MappingApply => "Impor dengan pemetaan ini", "Import with this mapping";
    MappingColumn => "Kolom", "Column";
    MappingExample => "Contoh", "Example";
    MappingField => "Isinya", "Holds";
    MapIgnore => "(abaikan)", "(ignore)";
    MapPostId => "ID postingan", "Post ID";
    MapPublished => "Waktu terbit", "Publish time";
    MapDate => "Tanggal (angka harian)", "Date (daily figures)";
    MapTitle => "Judul", "Title";
    MapText => "Teks", "Text";
    MapPermalink => "Tautan postingan", "Post link";
    MapFormat => "Jenis postingan", "Post type";
    MapImpressions => "Tayangan", "Impressions";
    MapViews => "Penayangan video", "Views";
    MapReach => "Jangkauan", "Reach";
    MapReactions => "Reaksi / suka", "Reactions / likes";
    MapComments => "Komentar", "Comments";
    MapShares => "Dibagikan", "Shares";
    MapSaves => "Disimpan", "Saves";
    MapClicks => "Klik", "Clicks";
    MapFollowers => "Pengikut", "Followers";
    MapSpend => "Biaya iklan", "Ad spend";
    ErrUnreadableFile => "File tidak bisa dibaca oleh browser ({detail}); mungkin sudah dipindah atau diubah. Pilih file itu lagi.", "The browser could not read the file ({detail}); it may have been moved or changed. Pick it again.";
    ErrUnreadableWorkbook => "Spreadsheet tidak bisa dibaca ({detail}). Buka di Excel atau LibreOffice dan simpan ulang sebagai .xlsx atau CSV.", "The spreadsheet cannot be read ({detail}). Open it in Excel or LibreOffice and save it again as .xlsx or CSV.";
    ErrNoRecords => "File dikenali tetapi tidak berisi baris data. Periksa rentang tanggal saat mengekspor.", "The file was recognised but holds no data rows. Check the date range when exporting.";
    ErrDatesContradictory => "Tanggal di kolom \"{detail}\" bercampur urutan hari/bulan (ada 13/01 dan 01/13). Ekspor ulang tanpa menyimpan ulang di Excel.", "The dates in column \"{detail}\" mix day/month orders (both 13/01 and 01/13). Export again without re-saving in Excel.";
    ErrUnknownSeries => "Judul deret waktu tidak dikenali (\"{detail}\"). Ekspor deret Tayangan, Jangkauan, Interaksi, Kunjungan, Ikuti, atau Klik tautan.", "The time series title is not recognised (\"{detail}\"). Export the Views, Reach, Interactions, Visits, Follows or Link clicks series.";
    ErrImportStorage => "Penyimpanan gagal ({detail}); tidak ada yang disimpan. Muat ulang halaman lalu coba lagi.", "Storing failed ({detail}); nothing was stored. Reload the page and retry.";
    ErrImportQuota => "Penyimpanan peramban penuh; tidak ada yang disimpan dari impor ini. Kosongkan ruang lalu coba lagi.", "The browser's storage is full; nothing from this import was stored. Free some space and retry.";
    ErrImportWorker => "Proses impor berhenti tak terduga ({detail}); tidak ada yang disimpan. Muat ulang halaman lalu coba lagi.", "The import stopped unexpectedly ({detail}); nothing was stored. Reload the page and retry.";
    DiagNewColumns => "Kolom yang tidak dikenal dan tidak diimpor: {detail}.", "Columns not recognised and not imported: {detail}.";
    DiagDateOrder => "Semua tanggal cocok dengan dua urutan; dianggap {detail}.", "Every date fits both orders; read as {detail}.";
    DiagYearInferred => "Tanggal tanpa tahun; tahun disimpulkan dari urutan dan tanggal ekspor: {detail}.", "Dates have no year; inferred from their order and the export date: {detail}.";
    DiagMissingColumns => "Kolom yang biasanya ada di ekspor ini tidak ditemukan: {detail}. Angka itu tidak akan tersedia untuk file ini; periksa pilihan kolom saat mengekspor.", "Columns this export usually has are missing: {detail}. Those figures will not be available from this file; check the column choice when exporting.";
    DiagDescriptionRow => "Baris keterangan kolom di bawah judul dilewati.", "The row of column descriptions under the header was skipped.";
    DiagTotalRow => "Baris total dilewati.", "Total row skipped.";
    DiagDuplicate => "Duplikat di dalam file ({detail}); baris terakhir dipakai.", "Duplicate within the file ({detail}); the last row is kept.";
    DiagMissingId => "Baris tanpa ID dilewati.", "Row without an ID skipped.";
    DiagBadDate => "Tanggal tidak terbaca (\"{detail}\"); baris dilewati.", "Unreadable date (\"{detail}\"); row skipped.";
    DiagInvalidBytes => "Ada byte rusak di file ({detail}); diganti dengan \"�\".", "The file has damaged bytes ({detail}); replaced with \"�\".";
    DiagAlreadyImported => "File yang sama sudah diimpor pada {detail}; tidak ada duplikat yang ditambahkan.", "The same file was already imported on {detail}; no duplicates were added.";
    DiagBadScope => "Cakupan tidak dikenal: \"{detail}\". Tulis industri, wilayah atau negara.", "Unknown scope \"{detail}\". Write industry, region or country.";
    DiagBadPlatform => "Platform tidak dikenal: \"{detail}\". Tulis Facebook, Instagram, X, LinkedIn, TikTok atau YouTube, atau kosongkan untuk semua platform.", "Unknown platform \"{detail}\". Write Facebook, Instagram, X, LinkedIn, TikTok or YouTube, or leave it empty for all platforms.";
    DiagBadMetric => "Metrik tidak dikenal: \"{detail}\". Tulis tingkat engagement, CTR, interaksi per 1.000 penggemar atau postingan per minggu.", "Unknown metric \"{detail}\". Write engagement rate, CTR, interactions per 1,000 fans or posts per week.";
    DiagBadNumber => "Bukan angka: \"{detail}\"; baris dilewati.", "Not a number: \"{detail}\"; the row was skipped.";
    DiagMissingValue => "Sel kosong; baris dilewati.", "The cell is empty; the row was skipped.";
    DiagScopeAssumed => "Tanpa kolom cakupan: setiap tolok ukur dianggap tolok ukur industri.", "No scope column: every benchmark is taken as an industry benchmark.";
    DiagPeriodAssumed => "Baris tanpa periode dianggap berlaku untuk {detail} (tahun kalender ini).", "Rows without a period are taken as covering {detail} (this calendar year).";
    DiagCompetitorPeriod => "File tidak menyebut periodenya: totalnya dianggap untuk {detail} (30 hari sampai hari ekspor). Ekspor ulang dari LinkedIn agar periodenya tertulis.", "The file names no period: its totals are taken as covering {detail} (the 30 days up to the export). Export it again from LinkedIn to keep the period it names.";
    DiagOwnPageNotFound => "Tidak ada baris untuk halaman “{detail}” pengekspor file ini: halaman baru diimpor sebagai pesaing. Hapus centang halaman Anda di Profil pesaing.", "No row is “{detail}”, the page that exported the file: new pages are imported as competitors'. Untick yours under Competitors' profiles.";
    DiagOwnPageUnknown => "Nama file tidak menyebut halaman pengekspornya: halaman baru diimpor sebagai pesaing. Hapus centang halaman Anda di Profil pesaing.", "The file's name does not say which page exported it: new pages are imported as competitors'. Untick yours under Competitors' profiles.";
    CountPlan => "{n} rencana konten", "{n} planned posts";
    PlanListTitle => "Rencana konten", "Planned posts";
    PlanEmpty => "Belum ada rencana konten. Muat workspace contoh untuk melihat contohnya.", "No planned posts yet. Load the demo workspace to see some.";
    Unscheduled => "Belum dijadwalkan", "Not scheduled";
    StatusIdea => "Ide", "Idea";
    StatusDraft => "Draf", "Draft";
    StatusInReview => "Ditinjau", "In review";
    StatusApproved => "Disetujui", "Approved";
    StatusScheduled => "Terjadwal", "Scheduled";
    StatusPublished => "Terbit", "Published";
    StatusRejected => "Ditolak", "Rejected";
    CalStatus => "Status", "Status";
    CalRejectReason => "Alasan penolakan", "Reason for rejection";
    CalTags => "Label", "Tags";
    CalProvisional => "tanggal sementara", "provisional date";
    CalViewMonth => "Bulan", "Month";
    CalViewWeek => "Minggu", "Week";
    CalViewList => "Daftar", "List";
    CalViewBoard => "Papan ide", "Idea board";
    CalViewMine => "Menunggu saya", "Waiting for me";
    CalViewTeam => "Tim & rencana", "Team & plan";
    CalViews => "Tampilan kalender", "Calendar views";
    CalPrev => "Sebelumnya", "Previous";
    CalNext => "Berikutnya", "Next";
    CalToday => "Hari ini", "Today";
    CalNew => "Rencana baru", "New post";
    CalOpenDay => "Buka {date}", "Open {date}";
    CalCloseDay => "Tutup", "Close";
    CalDayEmpty => "Belum ada rencana di hari ini.", "Nothing planned on this day yet.";
    CalNewIdea => "Ide baru", "New idea";
    CalUntitled => "Rencana tanpa judul", "Untitled post";
    CalActingAs => "Bekerja sebagai", "Working as";
    CalHolidayCountry => "Hari libur", "Holidays of";
    CalNoHolidays => "Tanpa hari libur", "No holidays";
    CalAroundHolidays => "Hanya sekitar hari libur", "Only around holidays";
    CalStatusFilter => "Status", "Status";
    CalAll => "Semua", "All";
    CalExportIcs => "Ekspor ICS", "Export ICS";
    CalIcsHolidays => "Sertakan hari libur di ICS", "Include holidays in the ICS";
    CalExportCsv => "Ekspor CSV", "Export CSV";
    CalImportCsv => "Impor CSV", "Import CSV";
    CalExported => "{n} rencana konten diekspor ke {file}.", "{n} planned posts exported to {file}.";
    CalImported => "{n} rencana konten diimpor dari {file} ({rows} baris).", "{n} planned posts imported from {file} ({rows} rows).";
    CalImportNoTime => "{n} baris tanpa jam dijadwalkan pukul 09.00.", "{n} rows without a time were set to 09:00.";
    CalImportFailed => "{file} tidak diimpor; tidak ada yang disimpan.", "{file} was not imported; nothing was stored.";
    CalImportCell => "Baris {line}, kolom {column}: {problem}", "Row {line}, column {column}: {problem}";
    CalErrNoHeader => "file tidak punya kepala kolom tanggal dan teks (date, message_text). Tambahkan baris kepala seperti file ekspor CSV Linimasa.", "the file has no header naming a date and a text column (date, message_text). Add a header row like the one in Linimasa's CSV export.";
    CalErrDate => "tanggal \"{value}\" tidak terbaca; tulis 2026-12-01 atau 01/12/2026.", "the date \"{value}\" cannot be read; write 2026-12-01 or 01/12/2026.";
    CalErrTime => "jam \"{value}\" tidak terbaca; tulis 09:30.", "the time \"{value}\" cannot be read; write 09:30.";
    CalErrPlatform => "platform \"{value}\" tidak dikenal; pakai facebook, instagram, x, linkedin, tiktok atau youtube.", "unknown platform \"{value}\"; use facebook, instagram, x, linkedin, tiktok or youtube.";
    CalErrStatus => "status \"{value}\" tidak dikenal; pakai idea, draft, in-review, approved, scheduled, published atau rejected.", "unknown status \"{value}\"; use idea, draft, in-review, approved, scheduled, published or rejected.";
    CalErrFormat => "format \"{value}\" tidak dikenal; pakai photo, video, reel, story, text, link atau carousel.", "unknown format \"{value}\"; use photo, video, reel, story, text, link or carousel.";
    CalErrMixedOrder => "urutan hari/bulan tanggal bertentangan antarbaris; pakai satu urutan di seluruh file.", "dates use contradicting day/month orders; use one order in the whole file.";
    CalErrEmpty => "baris tanpa teks maupun judul; isi message_text atau hapus baris ini.", "a row with neither text nor title; fill message_text or remove the row.";
    CalEditorTitle => "Rencana konten", "Planned post";
    FieldTitle => "Judul", "Title";
    FieldFormat => "Format", "Format";
    FieldDate => "Tanggal", "Date";
    FieldTime => "Jam", "Time";
    FieldPersona => "Persona target", "Target persona";
    FieldCampaign => "Kampanye", "Campaign";
    FieldTags => "Label (pisahkan dengan koma)", "Tags (comma-separated)";
    FieldPlatforms => "Platform", "Platforms";
    FieldText => "Teks untuk {platform}", "Text for {platform}";
    FieldLink => "Tautan", "Link";
    FieldHashtags => "Tagar", "Hashtags";
    FieldMedia => "Catatan media", "Media notes";
    FieldNone => "—", "—";
    CalCount => "{n} / {limit} karakter", "{n} / {limit} characters";
    CalOverLimit => "Melebihi batas {platform} sebanyak {n} karakter.", "{n} characters over {platform}'s limit.";
    CalDuplicate => "Duplikat", "Duplicate";
    CalDelete => "Hapus", "Delete";
    CalDeleted => "\"{title}\" dihapus.", "\"{title}\" deleted.";
    CalCopyOf => "Salinan {title}", "Copy of {title}";
    Undo => "Urungkan", "Undo";
    CalMoved => "\"{title}\" dipindah ke {when}.", "\"{title}\" moved to {when}.";
    CalDragHint => "Seret rencana ke hari lain untuk memindahkan jadwalnya (mouse atau sentuh), atau ubah tanggal di rencananya.", "Drag a post to another day to reschedule it (mouse or touch), or change its date in the post.";
    ActDevelop => "Jadikan draf", "Make it a draft";
    ActSubmit => "Ajukan untuk ditinjau", "Submit for review";
    ActApprove => "Setujui", "Approve";
    ActReject => "Tolak", "Reject";
    ActSchedule => "Jadwalkan", "Schedule";
    ActPublish => "Tandai terbit", "Mark published";
    ActRework => "Kembalikan ke draf", "Back to draft";
    RefWrongStatus => "Tindakan ini tidak berlaku pada status sekarang.", "This action does not apply in the current status.";
    RefNotApprover => "Hanya editor dan manajer konten yang menyetujui atau menolak.", "Only content editors and managers approve or reject.";
    RefOwnPost => "Tidak ada yang menyetujui postingannya sendiri.", "Nobody approves their own post.";
    RefNotInStep => "Anda bukan penyetuju tahap ini.", "You are not an approver of this step.";
    RefAlready => "Anda sudah menyetujui tahap ini.", "You already approved this step.";
    RefNoReason => "Tulis alasan penolakan.", "Write the reason for the rejection.";
    RefNoTime => "Isi tanggal dan jam sebelum menjadwalkan.", "Set a date and time before scheduling.";
    RefUnknownMember => "Pilih anggota tim yang sedang bekerja.", "Choose the team member who is working.";
    CalApprovalStep => "Tahap {n} dari {total} ({mode})", "Step {n} of {total} ({mode})";
    ModeAny => "salah satu penyetuju", "any one approver";
    ModeAll => "semua penyetuju", "all approvers";
    CalApprovedBy => "Disetujui oleh {names}", "Approved by {names}";
    CalComments => "Komentar", "Comments";
    CalAddComment => "Kirim komentar", "Post comment";
    CalCommentField => "Komentar baru", "New comment";
    CalHistory => "Riwayat", "History";
    HistCreated => "membuat", "created";
    HistEdited => "mengubah", "edited";
    HistReviewAgain => "mengubah setelah disetujui — perlu ditinjau lagi", "edited after approval — needs review again";
    HistStatus => "mengubah status ke {status}", "set the status to {status}";
    HistApproved => "menyetujui tahap {n}", "approved step {n}";
    HistMoved => "memindah jadwal", "rescheduled";
    HistImported => "mengimpor", "imported";
    HistDuplicated => "menduplikasi", "duplicated";
    CalWaitingNone => "Tidak ada yang menunggu Anda. Rencana yang perlu Anda tinjau atau perbaiki muncul di sini.", "Nothing is waiting for you. Posts you need to review or rework appear here.";
    CalUnder => "di bawah rencana", "under plan";
    CalOver => "di atas rencana", "over plan";
    CalLoad => "{platform}: {n} dari rencana {min}–{max}", "{platform}: {n} of a planned {min}–{max}";
    CalPlanTitle => "Rencana frekuensi", "Frequency plan";
    CalPlanHelp => "Berapa kali tiap platform diisi. Kalender menandai hari dan minggu yang di bawah atau di atas rencana.", "How often each platform is fed. The calendar marks days and weeks under or over the plan.";
    CalPlanMin => "Minimal", "At least";
    CalPlanMax => "Maksimal", "At most";
    CalPer => "per", "per";
    CadenceDaily => "hari", "day";
    CadenceWeekly => "minggu", "week";
    CalSlots => "Waktu yang disarankan", "Suggested times";
    SlotPerformed => "{when}: postingan {platform} pada jam ini mendapat {ratio}× rata-rata engagement per postingan ({n} postingan).", "{when}: {platform} posts at this time earned {ratio}× the average engagement per post ({n} posts).";
    SlotOnline => "{when}: pengikut {platform} paling banyak online (rata-rata {n} aktif).", "{when}: {platform} followers are most online (on average {n} active).";
    SlotNone => "Belum ada data untuk menyarankan waktu; impor ekspor konten atau aktivitas pengikut.", "No data to suggest times yet; import content exports or follower activity.";
    SlotUse => "Pakai waktu ini", "Use this time";
    EveryDay => "Setiap hari", "Every day";
    BoardSource => "Sumber: {source}", "Source: {source}";
    SrcCompetitors => "kompetitor", "competitors";
    SrcListening => "listening", "listening";
    SrcAnalytics => "analitik", "analytics";
    SrcHoliday => "hari libur", "holiday";
    SrcOther => "lainnya", "other";
    CalIdeaSource => "Sumber ide", "Idea source";
    CalFromListening => "Dari listening", "From listening";
    CalNoMentions => "Impor ekspor alat listening untuk mendapatkan ide dari penyebutan terbaru.", "Import a listening tool's export to get ideas from the latest mentions.";
    CalMakeIdea => "Jadikan ide", "Make it an idea";
    CalFromCompetitors => "Dari kompetitor", "From competitors";
    CalNoCompetitorPosts => "Tandai profil sebagai kompetitor atau impor ekspor kompetitor untuk mendapatkan ide dari postingan terbaik mereka.", "Mark a profile as a competitor or import a competitor export to get ideas from their best posts.";
    CalIdeaAdded => "Ide \"{title}\" ditambahkan ke papan ide.", "Idea \"{title}\" added to the idea board.";
    CalTeamTitle => "Anggota tim", "Team members";
    CalMemberName => "Nama", "Name";
    CalRole => "Peran", "Role";
    CalAddMember => "Tambah anggota", "Add member";
    CalRemoveMember => "Hapus anggota", "Remove member";
    RoleManager => "Manajer konten", "Content manager";
    RoleCreator => "Kreator konten", "Content creator";
    RoleEditor => "Editor konten", "Content editor";
    CalApprovalTitle => "Aturan persetujuan", "Approval rule";
    CalApprovalHelp => "1–3 tahap; tiap tahap disetujui oleh salah satu atau semua penyetujunya. Tanpa penyetuju terpilih, setiap editor atau manajer boleh menyetujui. Tidak ada yang menyetujui postingannya sendiri.", "1–3 steps; each is passed by any one or all of its approvers. With no approver chosen, any editor or manager may approve. Nobody approves their own post.";
    CalSteps => "Jumlah tahap", "Steps";
    CalStepMode => "Tahap {n}", "Step {n}";
    OfflineNow => "Anda sedang offline. Semua tetap tersimpan di perangkat ini.", "You are offline. Everything keeps being saved on this device.";
    UpdateReady => "Versi baru Linimasa siap. Semua perubahan Anda sudah tersimpan.", "A new version of Linimasa is ready. All your changes are saved.";
    UpdateNow => "Perbarui sekarang", "Update now";
    UpdateSaveFirst => "Simpan atau tutup rencana yang sedang dibuka dulu, lalu perbarui.", "Save or close the open post first, then update.";
    SettingsWorkspace => "Workspace", "Workspace";
    WorkspaceName => "Nama workspace", "Workspace name";
    TimeZone => "Zona waktu", "Time zone";
    TimeZoneUnknown => "Zona waktu \"{zone}\" tidak dikenal. Gunakan nama IANA seperti Asia/Jakarta.", "Unknown time zone \"{zone}\". Use an IANA name such as Asia/Jakarta.";
    NameRequired => "Nama workspace tidak boleh kosong.", "The workspace name cannot be empty.";
    SettingsStorage => "Penyimpanan di perangkat ini", "Storage on this device";
    StorageUsed => "Terpakai", "Used";
    StorageAvailable => "Tersedia", "Available";
    StorageUnknown => "Peramban ini tidak melaporkan penggunaan penyimpanan.", "This browser does not report storage use.";
    StoragePersisted => "Penyimpanan permanen aktif: peramban tidak akan menghapus data ini sendiri.", "Persistent storage is on: the browser will not clear this data by itself.";
    StorageNotPersisted => "Penyimpanan belum permanen: peramban dapat menghapus data saat ruang disk menipis. Ekspor workspace secara berkala.", "Storage is not persistent: the browser may clear data when disk space runs low. Export the workspace regularly.";
    StorageRequest => "Minta penyimpanan permanen", "Ask for persistent storage";
    SettingsBackup => "Ekspor dan impor workspace", "Export and import the workspace";
    BackupHelp => "Satu file JSON berisi seluruh workspace. Impor kembali di perangkat mana pun: ganti isi workspace, atau gabungkan setelah konfirmasi.", "One JSON file with the whole workspace. Import it on any device: replace this workspace, or merge after confirming.";
    ExportWorkspace => "Ekspor workspace", "Export workspace";
    ImportWorkspace => "Impor file workspace", "Import a workspace file";
    ImportModeReplace => "Ganti isi workspace", "Replace this workspace";
    ImportModeMerge => "Gabungkan ke workspace ini", "Merge into this workspace";
    ReplaceConfirm => "File \"{file}\" berisi {records} catatan. Isi workspace saat ini ({current} catatan) akan diganti. Lanjutkan?", "The file \"{file}\" holds {records} records. This workspace's contents ({current} records) will be replaced. Continue?";
    MergeConfirm => "Menggabungkan \"{file}\": {added} catatan baru, {updated} diperbarui, {unchanged} sama. Lanjutkan?", "Merging \"{file}\": {added} new records, {updated} updated, {unchanged} unchanged. Continue?";
    Confirm => "Lanjutkan", "Continue";
    WorkspaceImported => "Workspace diimpor dari \"{file}\": {records} catatan.", "Workspace imported from \"{file}\": {records} records.";
    WorkspaceMigrated => "File ini dibuat oleh versi lama Linimasa (skema {from}) dan telah diperbarui.", "This file was made by an older Linimasa (schema {from}) and has been upgraded.";
    WorkspaceExported => "Workspace diekspor ke \"{file}\".", "Workspace exported to \"{file}\".";
    ErrorFileRejected => "File \"{file}\" tidak diimpor: {reason}. Workspace tidak berubah.", "The file \"{file}\" was not imported: {reason}. The workspace is unchanged.";
    ReasonNotJson => "isinya bukan JSON yang utuh (rusak atau terpotong di sekitar baris {line}, kolom {column})", "it is not complete JSON (damaged or cut off near line {line}, column {column})";
    ReasonNotWorkspace => "ini bukan file workspace Linimasa", "it is not a Linimasa workspace file";
    ReasonNewer => "file dibuat oleh versi Linimasa yang lebih baru (skema {schema}); perbarui aplikasi lalu coba lagi", "it was made by a newer Linimasa (schema {schema}); update the app and try again";
    ReasonInvalid => "nilai tidak valid di {path}: {detail}", "invalid value at {path}: {detail}";
    ReasonInconsistent => "data tidak konsisten: {detail}", "the data is inconsistent: {detail}";
    ErrorQuota => "Penyimpanan peramban untuk Linimasa sudah penuh, jadi perubahan ini tidak disimpan. Semua yang tersimpan sebelumnya masih utuh. Kosongkan ruang (hapus data situs lain atau workspace lama) lalu coba lagi.", "The browser's storage for Linimasa is full, so this change was not saved. Everything stored before is intact. Free some space (other sites' data or old workspaces) and try again.";
    ErrorStorage => "Penyimpanan tidak dapat dipakai: {detail}. Perubahan ini tidak disimpan; data yang sudah ada tidak tersentuh.", "Storage could not be used: {detail}. This change was not saved; the data already stored is untouched.";
    ErrorStorageUnavailable => "Peramban ini tidak mengizinkan penyimpanan lokal (mode privat atau pengaturan situs?). Linimasa tetap berjalan, tetapi data akan hilang saat halaman ditutup.", "This browser does not allow local storage (private mode or site settings?). Linimasa still runs, but data will be lost when the page closes.";
    OtherTabChanged => "Workspace diperbarui di tab lain; tampilan ini sudah disegarkan.", "The workspace changed in another tab; this view has been refreshed.";
    DashTitle => "Dasbor", "Dashboard";
    DashPeriod => "{from} – {to}, dibandingkan dengan {pfrom} – {pto}.", "{from} – {to}, compared with {pfrom} – {pto}.";
    DashComputing => "Menghitung dasbor…", "Computing the dashboard…";
    DashEmpty => "Belum ada data bertanggal untuk profil ini.", "No dated data for these profiles yet.";
    FilterPeriod => "Periode", "Period";
    FilterPlatform => "Platform", "Platform";
    AllPlatforms => "Semua platform", "All platforms";
    FilterProfile => "Profil", "Profile";
    DaysN => "{n} hari terakhir", "Last {n} days";
    KpiReach => "Jangkauan", "Reach";
    KpiEngagement => "Engagement", "Engagement";
    KpiRate => "Tingkat engagement (per jangkauan)", "Engagement rate (by reach)";
    KpiPerThousand => "Interaksi per 1.000 penggemar", "Interactions per 1,000 fans";
    KpiClicks => "Klik", "Clicks";
    KpiCtr => "CTR", "CTR";
    KpiGrowth => "Pertumbuhan pengikut", "Follower growth";
    VsPrevious => "{change} dibanding periode sebelumnya", "{change} vs the previous period";
    NoComparison => "tanpa pembanding", "no comparison";
    FallbackNote => "memakai jumlah pengikut terdekat yang diketahui", "uses the nearest known follower count";
    DefPerThousand => "Interaksi per 1.000 penggemar = Σ engagement tiap postingan ÷ pengikut pada hari itu × 1.000. Bila platform tidak lagi mengekspor jumlah pengikut, dipakai jumlah terdekat yang diketahui, dan ditandai.", "Interactions per 1,000 fans = Σ each post's engagement ÷ followers on its day × 1,000. When the platform no longer exports follower counts, the nearest known count is used, and flagged.";
    DefCtr => "CTR = klik ÷ tayangan, pada postingan yang punya keduanya.", "CTR = clicks ÷ impressions, over posts that have both.";
    DefGrowth => "Pertumbuhan pengikut = jumlah di akhir periode − jumlah di awal, bila keduanya tercatat.", "Follower growth = count at the end of the period − count at its start, when both were recorded.";
    ChartEngagement => "Engagement per bulan", "Engagement by month";
    ChartFollowers => "Pengikut per bulan", "Followers by month";
    ChartDistribution => "Sebaran interaksi", "Interaction distribution";
    ChartFormats => "Jenis postingan (engagement per postingan)", "Post types (engagement per post)";
    TopPosts => "Postingan teratas", "Top posts";
    PostsHighest => "Postingan dengan {metric} tertinggi dalam periode ini (paling banyak sepuluh).", "The posts with the highest {metric} in the period (ten at most).";
    PostsLowest => "Postingan dengan {metric} terendah dalam periode ini (paling banyak sepuluh; postingan tanpa angka ini di akhir).", "The posts with the lowest {metric} in the period (ten at most; posts without this figure last).";
    PostsNewest => "Postingan terbaru dalam periode ini (paling banyak sepuluh).", "The newest posts in the period (ten at most).";
    PostsOldest => "Postingan pertama dalam periode ini (paling banyak sepuluh).", "The first posts of the period (ten at most).";
    SortBy => "Urutkan menurut {column}; klik lagi untuk membalik urutan", "Sort by {column}; click again to reverse";
    DashAds => "Iklan (postingan berbayar)", "Ads (paid posts)";
    DashService => "Layanan pelanggan", "Customer service";
    DashWeb => "Situs web", "Website";
    KpiSpend => "Biaya", "Spend";
    KpiCpc => "CPC", "CPC";
    KpiCpm => "CPM", "CPM";
    KpiFrequency => "Frekuensi", "Frequency";
    KpiConversions => "Konversi", "Conversions";
    KpiNeedingReply => "Perlu dibalas", "Needing a reply";
    KpiResponseRate => "Tingkat respons", "Response rate";
    KpiMeanHours => "Rata-rata waktu balas (jam)", "Mean reply time (hours)";
    KpiMedianHours => "Median waktu balas (jam)", "Median reply time (hours)";
    KpiSessions => "Sesi", "Sessions";
    KpiSocialShare => "Porsi sesi dari media sosial", "Sessions from social media";
    DefAds => "Dari postingan dengan biaya iklan. CTR = klik ÷ tayangan; CPC = biaya ÷ klik; CPM = biaya ÷ tayangan × 1.000; frekuensi = tayangan ÷ jangkauan. Biaya dalam mata uang ekspor.", "From posts with ad spend. CTR = clicks ÷ impressions; CPC = spend ÷ clicks; CPM = spend ÷ impressions × 1,000; frequency = impressions ÷ reach. Spend in the export's currency.";
    DefResponse => "Tingkat respons = pesan yang dibalas ÷ pesan yang perlu dibalas. Waktu balas = balasan pertama − waktu pesan.", "Response rate = messages answered ÷ messages that needed an answer. Reply time = first reply − message time.";
    DefSocialShare => "Porsi sesi situs dari sumber media sosial, menurut rincian sumber lalu lintas terakhir yang diimpor.", "Share of the site's sessions from social sources, in the latest traffic-source breakdown imported.";
    DashWebMonths => "Situs web per bulan", "The website by month";
    DefWebMonths => "Sesi situs per bulan (jumlah harian dari file analitik web) selama 12 bulan hingga akhir periode. Dari media sosial = sesi bulan itu × porsi sumber media sosial dalam rincian sumber lalu lintas terakhir bulan itu; kosong bila bulan itu tidak punya rincian.", "The site's sessions by month (the daily figures of web-analytics files) over the 12 months to the period's end. From social media = the month's sessions × the social sources' share in that month's latest traffic-source breakdown; empty when the month has no breakdown.";
    ColMonth => "Bulan", "Month";
    ColSocialSessions => "Dari media sosial", "From social media";
    ChartWebSessions => "Sesi situs per bulan", "Website sessions by month";
    ChartWhenPerform => "Kapan postingan berkinerja (rata-rata engagement per postingan)", "When posts perform (average engagement per post)";
    ChartWhenOnline => "Kapan pengikut online (rata-rata pengikut aktif)", "When followers are online (average active followers)";
    ColPublished => "Terbit", "Published";
    ColFormat => "Format", "Format";
    ColText => "Isi", "Text";
    OpenPost => "Buka", "Open";
    PersonaPlainName => "Persona {n}", "Persona {n}";
    PersonaAgeFrom => "usia ({column})", "age ({column})";
    PersonaYearsSince => "tahun sejak {column}", "years since {column}";
    PersonaSize => "{size} anggota ({share} audiens).", "{size} members ({share} of the audience).";
    PersonaTraits => "Lebih sering daripada rata-rata: {traits}.", "More common than average: {traits}.";
    PersonaNoTraits => "Mirip dengan audiens secara keseluruhan; tidak ada ciri yang menonjol.", "Much like the audience as a whole; no trait stands out.";
    PersonasEmpty => "Belum ada tabel audiens. Impor berkas CRM, survei atau daftar pengikut (satu baris per orang) di halaman Impor, atau muat demo.", "No audience table yet. Import a CRM, survey or follower-list file (one row per person) on the Import page, or load the demo.";
    PersonaTable => "Tabel audiens", "Audience table";
    PersonaColumns => "Kolom yang dipakai untuk mengelompokkan", "Columns used for grouping";
    PersonaColumnsHint => "Pengenal dan teks bebas tidak dipakai secara bawaan. Ubah jenis kolom bila terdeteksi keliru.", "Identifiers and free text are left out by default. Change a column's type if it was detected wrongly.";
    KindNumeric => "Angka", "Number";
    KindCategorical => "Kategori", "Category";
    KindMulti => "Daftar", "List";
    KindDate => "Tanggal", "Date";
    KindIdentifier => "Pengenal", "Identifier";
    KindFreeText => "Teks bebas", "Free text";
    PersonaUse => "Pakai", "Use";
    PersonaType => "Jenis", "Type";
    PersonaCount => "Jumlah persona", "Number of personas";
    PersonaAuto => "Otomatis", "Automatic";
    PersonaFind => "Temukan persona", "Find personas";
    PersonaFinding => "Mengelompokkan anggota…", "Grouping members…";
    PersonaSummary => "{k} persona dari {members} anggota.", "{k} personas from {members} members.";
    PersonaChosen => "Jumlah dipilih dengan silhouette (makin tinggi, makin terpisah): {scores}.", "Number chosen by silhouette (higher is better separated): {scores}.";
    PersonaMissing => "Nilai kosong dilewati, tidak diisi: {list}.", "Missing values are skipped, not filled in: {list}.";
    PersonaName => "Nama", "Name";
    PersonaDescription => "Deskripsi", "Description";
    PersonaLiftDef => "Lift = bagian suatu nilai di antara anggota persona ÷ bagiannya di seluruh audiens. 2,0× berarti dua kali lebih umum.", "Lift = a value's share among the persona's members ÷ its share in the whole audience. 2.0× means twice as common.";
    PersonaSave => "Simpan snapshot", "Save snapshot";
    PersonaSnapshots => "Snapshot tersimpan", "Saved snapshots";
    PersonaShow => "Tampilkan", "Show";
    PersonaShowing => "Snapshot {date}", "Snapshot of {date}";
    PersonaUnsaved => "Belum disimpan", "Not saved yet";
    PersonaCompare => "Bandingkan snapshot", "Compare snapshots";
    PersonaBefore => "Sebelum", "Before";
    PersonaAfter => "Sesudah", "After";
    DriftMatched => "{before} → {after}: {size_before} → {size_after} anggota ({share_before} → {share_after})", "{before} → {after}: {size_before} → {size_after} members ({share_before} → {share_after})";
    DriftVanished => "Hilang: {name}", "Vanished: {name}";
    DriftNew => "Baru: {name}", "New: {name}";
    DriftNone => "Tidak ada pergeseran berarti.", "No notable drift.";
    PersonaRemoveConfirm => "Hapus snapshot persona {date}?", "Remove the persona snapshot of {date}?";
    PersonaErrTooFew => "Terlalu sedikit anggota ({n}); perlu minimal 10.", "Too few members ({n}); at least 10 are needed.";
    PersonaErrNoColumns => "Tidak ada kolom yang dipakai. Centang minimal satu kolom angka, kategori, daftar atau tanggal.", "No column is used. Tick at least one number, category, list or date column.";
    PersonaErrNoTable => "Tabel audiens ini tidak ada lagi. Muat ulang halaman.", "This audience table no longer exists. Reload the page.";
    PersonaFoundOn => "Kemungkinan ditemukan di", "Likely found on";
    PersonaFoundDef => "Indeks = seberapa mirip audiens profil (demografi platform: gender, usia, kota) dengan persona ini dibanding dengan seluruh audiens Anda. Di atas 1,0× berarti lebih mirip.", "Index = how much more the profile's audience (platform demographics: gender, age, city) resembles this persona than your whole audience does. Above 1.0× means more alike.";
    PersonaPerforms => "terbaik di sana: {format}, sekitar pukul {hour}.00", "best there: {format}, around {hour}:00";
    DimGender => "gender", "gender";
    DimAge => "usia", "age";
    DimCity => "kota", "city";
    DimCountry => "negara", "country";
    MakeupTitle => "Susunan audiens per profil", "Audience make-up per profile";
    MakeupHint => "Dari demografi yang diekspor platform (snapshot terbaru). Persona dicocokkan dengan angka ini untuk menyebut di mana mereka kemungkinan ditemukan.", "From the demographics each platform exports (latest snapshot). Personas are matched against these figures to say where they are likely found.";
    MakeupProfile => "Profil", "Profile";
    MakeupPlaces => "Tempat", "Places";
    MakeupDate => "Per tanggal", "As of";
    MakeupEmpty => "Belum ada demografi platform. Impor ekspor pengikut LinkedIn, TikTok atau Facebook untuk melihat susunan audiens tiap profil.", "No platform demographics yet. Import LinkedIn, TikTok or Facebook follower exports to see each profile's audience make-up.";
    MakeupComputing => "Menghitung susunan audiens…", "Computing the audience make-up…";
    RepSecAudience => "Audiens", "Audience";
    RepSecContent => "Kinerja konten", "Content performance";
    RepSecAudit => "Temuan audit dan skor", "Audit findings and score";
    RepSecCompetitors => "Pesaing dan tolok ukur", "Competitors and benchmarks";
    RepSecAds => "Iklan", "Ads";
    RepSecListening => "Pemantauan percakapan", "Listening";
    RepSecInfluencers => "Influencer", "Influencers";
    RepSecService => "Layanan pelanggan", "Customer service";
    RepTeamMonthly => "Laporan bulanan tim", "Team monthly report";
    RepManagementQuarterly => "Laporan kuartalan manajemen", "Management quarterly report";
    RepClientAudit => "Audit untuk klien", "Client audit";
    RepSumContent => "{posts} unggahan menghasilkan {engagement} interaksi ({change} dibanding periode pembanding); tingkat interaksi per jangkauan {rate}.", "{posts} posts drew {engagement} engagements ({change} against the comparison period); engagement rate by reach {rate}.";
    RepSumAudience => "Pengikut: {followers} ({growth} dalam periode ini).", "Followers: {followers} ({growth} in the period).";
    RepSumPersonas => "{k} persona tersimpan; yang terbesar, {name}, adalah {share} audiens.", "{k} personas saved; the largest, {name}, is {share} of the audience.";
    RepSumAudit => "Skor audit {score}/100, dengan {critical} temuan kritis dan {warning} peringatan.", "Audit score {score}/100, with {critical} critical findings and {warning} warnings.";
    RepSumCompetitors => "Interaksi per unggahan tertinggi: {profile}, {per_post} per unggahan.", "Most engagement per post: {profile}, {per_post} per post.";
    RepSumAds => "Unggahan berbayar membelanjakan {spend}: CTR {ctr}, CPC {cpc}, {conversions} konversi.", "Promoted posts spent {spend}: CTR {ctr}, CPC {cpc}, {conversions} conversions.";
    RepSumService => "{rate} percakapan yang perlu dijawab mendapat balasan; rata-rata balasan pertama {hours} jam.", "{rate} of conversations needing an answer got one; first replies took {hours} hours on average.";
    RepSumListeningFull => "{mentions} sebutan merek dalam periode ini ({change} dibanding periode sebelumnya); {negative} dari yang dinilai bernada negatif.", "{mentions} brand mentions in the period ({change} against the period before); {negative} of those rated were negative.";
    RepSumInfluencers => "{n} akun influencer dengan total {followers} pengikut; engagement rate terbaik: {best} ({rate}).", "{n} influencer accounts with {followers} followers in all; best engagement rate: {best} ({rate}).";
    RepMentions => "Sebutan", "Mentions";
    RepSentiment => "Sentimen (positif / netral / negatif)", "Sentiment (positive / neutral / negative)";
    RepTopMentions => "Sebutan dengan jangkauan terbesar", "Mentions with the most reach";
    RepByPlatform => "Per platform", "By platform";
    RepInfluencerTable => "Akun influencer", "Influencer accounts";
    RepMethodology => "Sumber: ekspor analitik platform yang diimpor ({files} berkas) untuk {profiles} profil di {platforms}. Periode: {from} – {to}, dibandingkan dengan {pfrom} – {pto}. Waktu dibaca dalam zona {zone}. Interaksi = reaksi + komentar + bagikan (+ simpan); tingkat interaksi dihitung per jangkauan kecuali disebut lain; interaksi per 1.000 penggemar memakai jumlah pengikut saat itu (atau yang terakhir diketahui, dan disebutkan).", "Sources: the platforms' analytics exports as imported ({files} files) for {profiles} profiles on {platforms}. Period: {from} – {to}, compared with {pfrom} – {pto}. Times are read in the {zone} time zone. Engagement = reactions + comments + shares (+ saves); engagement rate is by reach unless stated; interactions per 1,000 fans use the follower count at the time (or the latest known, and say so).";
    RepFor => "Untuk", "For";
    RepPeriod => "Periode", "Period";
    RepComparison => "Dibandingkan dengan", "Compared with";
    RepMethodologyTitle => "Metodologi", "Methodology";
    RepSummaryTitle => "Ringkasan", "Summary";
    ReportFor => "Untuk siapa", "Who it is for";
    ReportCompetitors => "Sertakan pesaing", "Include competitors";
    ReportName => "Judul laporan", "Report title";
    ReportSections => "Bagian", "Sections";
    ReportExportHtml => "Ekspor HTML", "Export HTML";
    ReportExportCsv => "Ekspor CSV", "Export CSV";
    ReportExportXlsx => "Ekspor XLSX", "Export XLSX";
    ReportsDue => "Laporan terjadwal sudah disiapkan untuk periode barunya: {names}. Buka Laporan untuk memeriksa dan mengekspornya.", "Scheduled reports were prepared for their new period: {names}. Open Reports to check and export them.";
    ReportCadence => "Jadwal", "Schedule";
    ReportPersona => "Tentang persona", "About persona";
    ReportLogo => "Unggah logo", "Upload logo";
    ReportLogoRemove => "Hapus logo", "Remove logo";
    ReportLogoNotImage => "Logo harus berupa gambar (PNG, JPEG, WebP atau SVG).", "The logo must be an image (PNG, JPEG, WebP or SVG).";
    ReportLogoTooLarge => "Logo {size} terlalu besar; maksimal {max}, karena ikut disimpan di setiap laporan. Perkecil gambarnya lalu unggah lagi.", "The logo ({size}) is too large; at most {max}, since every report carries it. Make the image smaller and upload it again.";
    ReportWholeAudience => "Seluruh audiens", "The whole audience";
    CadenceNone => "Tanpa jadwal", "No schedule";
    CadenceWeeklyReport => "Mingguan", "Weekly";
    CadenceMonthlyReport => "Bulanan", "Monthly";
    CadenceQuarterlyReport => "Kuartalan", "Quarterly";
    ReportWriteFailed => "Berkas laporan tidak dapat ditulis: {detail}. Coba lagi; bila tetap gagal, ekspor CSV.", "The report file could not be written: {detail}. Try again; if it still fails, export CSV.";
    ReportSave => "Simpan laporan", "Save report";
    ReportSaved => "Laporan tersimpan", "Saved reports";
    ReportWriting => "Menulis laporan…", "Writing the report…";
    ReportBranding => "Identitas laporan", "Report branding";
    ReportBrandName => "Nama di laporan", "Name on reports";
    ReportBrandColour => "Warna utama", "Main colour";
    ReportNoData => "Belum ada data bertanggal untuk dilaporkan. Impor ekspor analitik atau muat demo.", "No dated data to report on yet. Import analytics exports or load the demo.";
    AuditTitle => "Audit media sosial", "Social media audit";
    AuditComputing => "Menghitung audit…", "Computing the audit…";
    ViewFailed => "Tampilan ini tidak dapat dihitung: {detail}", "This view could not be computed: {detail}";
    AuditWindow => "Periode {from} – {to}, dibandingkan dengan {pfrom} – {pto} (hari terakhir yang ada datanya: {asof}).", "Period {from} – {to}, compared with {pfrom} – {pto} (last day with data: {asof}).";
    AuditOverall => "Skor keseluruhan", "Overall score";
    DefAuditScore => "Skor 0–100 per profil = rata-rata berbobot dari bagian-bagiannya. Tren engagement: ±50% dibanding periode sebelumnya mencakup 0–100. Tingkat engagement: sama dengan tolok ukur (atau periode sebelumnya) = 50, dua kali lipat = 100. Pertumbuhan pengikut: ±10% mencakup 0–100. Frekuensi: dalam rencana = 100. Respons: tingkat respons × kecepatan. Kebaruan: data ≤ 7 hari = 100, 60 hari = 0. Bagian tanpa data tidak dihitung. Skor keseluruhan = rata-rata profil milik sendiri.", "A 0–100 score per profile = the weighted mean of its parts. Engagement trend: ±50% against the previous period spans 0–100. Engagement rate: equal to the benchmark (or the previous period) = 50, double = 100. Follower growth: ±10% spans 0–100. Frequency: within plan = 100. Replies: response rate × speed. Freshness: data ≤ 7 days old = 100, 60 days = 0. Parts without data are left out. Overall = mean of the own profiles.";
    AuditWeights => "Bobot skor", "Score weights";
    AuditScores => "Skor per profil", "Scores by profile";
    AuditFindings => "Temuan", "Findings";
    AuditNoFindings => "Tidak ada temuan: semua profil berada dalam batas aturan audit.", "No findings: every profile is within the audit's rules.";
    AuditInventory => "Inventaris profil", "Profile inventory";
    AuditCompetitors => "Pesaing dan tolok ukur", "Competitors and benchmarks";
    AuditPlatforms => "Pilihan platform", "Platform choice";
    DefPlatforms => "Enam pertanyaan per platform, skor 0–5: dari data bila bisa, dari kaidah umum untuk kecocokan tujuan, atau dari jawaban Anda. Rata-rata ≥ 3,5: perkuat; 2,5–3,5: pertahankan; di bawahnya: kurangi. Kurang dari tiga jawaban: belum bisa diputuskan.", "Six questions per platform, scored 0–5: from the data where it can, from the rule of thumb for goal fit, or from your answers. Mean ≥ 3.5: invest; 2.5–3.5: maintain; below: reduce. Fewer than three answers: undecided.";
    QGoalFit => "Cocok dengan tujuan bisnis dan biayanya", "Fits the business goals, at what cost";
    QEfficiency => "Efisiensi dan ROI (engagement per postingan dibanding kanal terbaik)", "Efficiency and ROI (engagement per post against the best channel)";
    QDemographicMatch => "Demografi pengikut cocok dengan audiens sendiri", "Follower demographics match the own audience";
    QAudiencePresence => "Audiens hadir dan aktif", "The audience is there and active";
    QCompetition => "Persaingan dan volume konten yang dibutuhkan", "Competition and the content volume it takes";
    QCompetitorPresence => "Pesaing langsung hadir dan berkinerja", "Direct competitors are there and perform";
    SourceData => "dari data", "from the data";
    AssessmentTitle => "Jawaban Anda untuk pilihan platform", "Your answers for platform choice";
    AssessmentHelp => "Jawab yang tidak bisa dijawab data (misalnya persaingan), atau timpa jawaban dari data. 0 = menentang, 5 = sangat mendukung. \"Otomatis\" memakai data.", "Answer what the data cannot (competition, for example), or overrule an answer from the data. 0 = against, 5 = strongly for. \"Auto\" uses the data.";
    AssessmentNote => "Catatan", "Note";
    AnswerAuto => "Otomatis", "Auto";
    BenchmarksTitle => "Tolok ukur", "Benchmarks";
    BenchmarksHelp => "Masukkan tingkat engagement per jangkauan dari industri, wilayah atau negara Anda (dari laporan riset atau asosiasi). Audit menampilkannya di samping profil dan memakainya sebagai acuan skor tingkat engagement. Banyak tolok ukur sekaligus: impor tabel (CSV atau XLSX) dengan kolom cakupan, nama, platform, metrik, dari, sampai (atau tahun) dan nilai di halaman Impor.", "Enter the engagement rate by reach of your industry, region or country (from research reports or associations). The audit shows it beside the profiles and scores the engagement rate against it. Many at once: import a table (CSV or XLSX) with the columns scope, label, platform, metric, from, to (or year) and value on the Import page.";
    BenchmarkScope => "Cakupan", "Scope";
    BenchmarkLabel => "Nama tolok ukur", "Benchmark name";
    BenchmarkValue => "Tingkat engagement per jangkauan (%)", "Engagement rate by reach (%)";
    BenchmarkAdd => "Tambah tolok ukur", "Add benchmark";
    BenchmarkRemove => "Hapus", "Remove";
    BenchmarkRemoveConfirm => "Hapus tolok ukur \"{label}\"?", "Remove the benchmark \"{label}\"?";
    BenchmarkInvalid => "Isi nama dan nilai antara 0 dan 100.", "Enter a name and a value between 0 and 100.";
    AnyPlatform => "Semua platform", "Any platform";
    SourceRule => "kaidah umum", "rule of thumb";
    SourceUser => "jawaban Anda", "your answer";
    OpenQuestion => "belum dijawab", "not answered yet";
    VerdictInvest => "Perkuat", "Invest";
    VerdictMaintain => "Pertahankan", "Maintain";
    VerdictReduce => "Kurangi", "Reduce";
    VerdictUndecided => "Belum bisa diputuskan", "Undecided";
    DefCompetitors => "Profil sendiri dan pesaing di platform yang sama, pada periode audit: pengikut di akhir periode, pertumbuhannya, frekuensi, engagement per postingan dan tingkat engagement (dengan dasarnya). Profil dari ekspor pesaing memakai total periode ekspornya: pertumbuhan = pengikut baru ÷ pengikut awal; tingkat = engagement per postingan ÷ pengikut. Tolok ukur industri, wilayah atau negara yang dimasukkan ditampilkan di bawahnya, agar perubahan sendiri bisa dibedakan dari perubahan yang lebih luas.", "Own and competitor profiles on the same platform over the audit period: followers at the end, their growth, frequency, engagement per post and engagement rate (with its base). Profiles from a competitor export use its period's totals: growth = new ÷ starting followers; rate = engagement per post ÷ followers. Industry, region or country benchmarks entered are shown below them, so that an own change can be told apart from a wider one.";
    ColFollowersEnd => "Pengikut", "Followers";
    ColGrowthRate => "Pertumbuhan", "Growth";
    ColPostsPerWeek => "Postingan/minggu", "Posts/week";
    ColRate => "Tingkat engagement", "Engagement rate";
    BenchmarkRow => "Tolok ukur {scope}: {label}", "{scope} benchmark: {label}";
    DashBenchmarks => "Dibandingkan tolok ukur", "Against benchmarks";
    DefDashBenchmarks => "Angka profil yang dipilih di platform tolok ukur, pada periode ini, di samping nilai tolok ukur yang dimasukkan di Audit atau diimpor: tingkat engagement per jangkauan (engagement ÷ jangkauan, atas postingan yang jangkauannya diketahui), CTR (klik ÷ tayangan), interaksi per 1.000 penggemar per profil, atau postingan per minggu per profil (postingan ÷ minggu dalam periode ÷ profil). Anda ÷ tolok ukur di atas 1 berarti di atas tolok ukur. Periode tolok ukur ditampilkan: tolok ukur dari periode lain hanya perkiraan.", "The chosen profiles' own figure on the benchmark's platform, in this period, beside the benchmark value entered in the Audit or imported: engagement rate by reach (engagement ÷ reach, over the posts whose reach is known), CTR (clicks ÷ impressions), interactions per 1,000 fans per profile, or posts per week per profile (posts ÷ weeks in the period ÷ profiles). Yours ÷ benchmark above 1 means above the benchmark. The benchmark's period is shown: a benchmark from another period is only a guide.";
    ColBenchmark => "Tolok ukur", "Benchmark";
    ColBenchmarkPeriod => "Periode tolok ukur", "Benchmark period";
    ColYours => "Milik Anda", "Yours";
    ColVersus => "Anda ÷ tolok ukur", "Yours ÷ benchmark";
    ScopeIndustry => "industri", "industry";
    BaseReach => "per jangkauan", "by reach";
    BaseImpressions => "per tayangan", "by impressions";
    BaseFollowers => "per pengikut", "by followers";
    ScopeRegion => "wilayah", "region";
    ScopeCountry => "negara", "country";
    TotalsFromExport => "total {from} – {to}, dari ekspor pesaing", "totals of {from} – {to}, from the competitor export";
    NoCompetitors => "Belum ada profil pesaing. Impor ekspor pesaing (mis. ekspor pesaing LinkedIn) atau tandai profil sebagai pesaing.", "No competitor profiles yet. Import competitor exports (e.g. LinkedIn's competitor export) or mark a profile as a competitor.";
    AuditChannels => "Perbandingan kanal", "Channel comparison";
    DefChannels => "Porsi postingan (usaha) dibandingkan porsi engagement (hasil) per platform, profil milik sendiri, dalam periode audit.", "Share of posts (effort) against share of engagement (result) per platform, own profiles, over the audit period.";
    AuditEmpty => "Impor data atau muat workspace contoh untuk menjalankan audit.", "Import data or load the demo workspace to run the audit.";
    ColMetrics => "Metrik tersedia", "Metrics available";
    ColStatus => "Status", "Status";
    ColScore => "Skor", "Score";
    ColPart => "Bagian", "Part";
    ColWeight => "Bobot", "Weight";
    ColChannel => "Kanal", "Channel";
    ColPosts => "Postingan", "Posts";
    ColPerPost => "Engagement per postingan", "Engagement per post";
    ColShareOfPosts => "Porsi postingan", "Share of posts";
    ColShareOfEngagement => "Porsi engagement", "Share of engagement";
    StatusStale => "Ekspor usang", "Export stale";
    StatusCurrent => "Terkini", "Up to date";
    StatusEmpty => "Tanpa data", "No data";
    SevCritical => "Kritis", "Critical";
    SevWarning => "Peringatan", "Warning";
    SevInfo => "Catatan", "Note";
    Evidence => "Bukti", "Evidence";
    LikelyCauses => "Penyebab yang mungkin", "Likely causes";
    RecommendedAction => "Tindakan yang disarankan", "Recommended action";
    FactBefore => "{value} (sebelumnya {before}, {change})", "{value} (before {before}, {change})";
    FactTarget => "{value} (acuan {target})", "{value} (reference {target})";
    AllProfiles => "Semua profil", "All profiles";
    FEngagementFalling => "{profile}: engagement turun {change}", "{profile}: engagement down {change}";
    FFollowerDecline => "{profile} kehilangan pengikut", "{profile} is losing followers";
    FBelowPlan => "{profile} memposting jauh di bawah rencana", "{profile} posts far below the plan";
    FAbovePlan => "{profile} memposting jauh di atas rencana", "{profile} posts far above the plan";
    FWeakFormat => "{profile}: format {format} kurang menarik", "{profile}: {format} posts under-perform";
    FLowYieldChannel => "{profile}: banyak usaha, sedikit hasil", "{profile}: much effort, little return";
    FSlowReplies => "{profile}: pesan dibalas lambat atau tidak dibalas", "{profile}: slow or missing replies";
    FSocialTrafficLow => "Media sosial jarang membawa pengunjung ke {profile}", "Social media brings few visitors to {profile}";
    FStaleData => "Data {profile} sudah lama", "{profile}'s data is old";
    FNoData => "{profile} belum punya data", "{profile} has no data yet";
    AEngagementFalling => "Bandingkan postingan terbaik dan terburuk periode ini, lalu perbaiki penyebab yang ditunjukkan data: frekuensi, kualitas konten, atau jangkauan (penargetan dan waktu tayang).", "Compare this period's best and worst posts, then fix the cause the data points at: frequency, content quality, or reach (targeting and timing).";
    AFollowerDecline => "Periksa postingan pada minggu-minggu penurunan, kurangi konten yang membuat orang berhenti mengikuti, dan pertimbangkan promosi ke audiens yang tepat.", "Look at the posts of the weeks followers left, cut the content that drives unfollows, and consider promotion to the right audience.";
    ABelowPlan => "Tambah jadwal di kalender sampai rencana tercapai, atau ubah rencana bila kanal ini memang bukan prioritas.", "Schedule more in the calendar until the plan is met, or change the plan if this channel is not a priority.";
    AAbovePlan => "Kurangi volume dan fokus pada format terbaik: lebih banyak postingan jarang berarti lebih banyak engagement.", "Post less and focus on the best formats: more posts rarely means more engagement.";
    AWeakFormat => "Geser porsi ke format terbaik, atau perbaiki cara format ini dibuat.", "Shift the mix toward the best format, or rework how this format is made.";
    ALowYieldChannel => "Kurangi usaha di kanal ini atau ubah pendekatannya; alihkan waktu ke kanal dengan engagement per postingan tertinggi.", "Cut the effort on this channel or change its approach; move the time to the channels that deliver the most per post.";
    ASlowReplies => "Tetapkan penanggung jawab per platform, targetkan balasan di bawah 24 jam, dan siapkan pedoman balasan.", "Assign an owner per platform, aim to reply within 24 hours, and keep reply guidelines.";
    ASocialTrafficLow => "Tambahkan tautan dan ajakan yang jelas ke situs, pakai parameter UTM di setiap tautan, dan periksa halaman tujuan.", "Add links and clear calls to visit the site, tag every link with UTM parameters, and check the landing pages.";
    AStaleData => "Ekspor data terbaru dari platform dan impor di sini.", "Export the latest data from the platform and import it here.";
    ANoData => "Impor ekspor profil ini, atau hapus profil bila tidak dipakai lagi.", "Import this profile's exports, or remove the profile if it is no longer used.";
    CauseFewerPosts => "Lebih sedikit postingan: frekuensi publikasi.", "Fewer posts: publishing frequency.";
    CauseWeakerContent => "Orang yang terjangkau lebih jarang berinteraksi: kualitas atau kecocokan konten.", "People reached engage less: content quality or fit.";
    CauseLowerReach => "Tiap postingan menjangkau lebih sedikit orang: penargetan, distribusi atau waktu tayang.", "Each post reaches fewer people: targeting, distribution or timing.";
    CauseUnexplained => "Frekuensi, jangkauan dan tingkat engagement hampir tidak berubah; data tidak menunjukkan penyebabnya. Bandingkan dengan tolok ukur industri.", "Frequency, reach and engagement rate barely moved; the data does not show why. Compare with industry benchmarks.";
    MEngagement => "Engagement", "Engagement";
    MPosts => "Postingan", "Posts";
    MRateReach => "Tingkat engagement per jangkauan", "Engagement rate by reach";
    MRateImpressions => "Tingkat engagement per tayangan", "Engagement rate by impressions";
    MRateFollowers => "Tingkat engagement per pengikut", "Engagement rate by followers";
    MReachPerPost => "Jangkauan per postingan", "Reach per post";
    MFollowers => "Pengikut", "Followers";
    MPostsPerDay => "Postingan per hari", "Posts per day";
    MPostsPerWeek => "Postingan per minggu", "Posts per week";
    MPerPost => "Engagement per postingan {format}", "Engagement per {format} post";
    MShareOfPosts => "Porsi postingan", "Share of posts";
    MShareOfEngagement => "Porsi engagement", "Share of engagement";
    MResponseRate => "Tingkat respons", "Response rate";
    MMedianResponse => "Median waktu balas (jam)", "Median reply time (hours)";
    MSocialShare => "Porsi sesi dari media sosial", "Share of sessions from social media";
    MDaysSince => "Hari sejak data terakhir", "Days since the last data";
    PartEngagementTrend => "Tren engagement", "Engagement trend";
    PartEngagementRate => "Tingkat engagement", "Engagement rate";
    PartFollowerGrowth => "Pertumbuhan pengikut", "Follower growth";
    PartFrequency => "Frekuensi sesuai rencana", "Frequency against plan";
    PartResponsiveness => "Respons ke pesan", "Replies to messages";
    PartFreshness => "Kebaruan data", "Data freshness";
    FormatPhoto => "foto", "photo";
    FormatVideo => "video", "video";
    FormatReel => "reel", "reel";
    FormatStory => "story", "story";
    FormatText => "teks", "text";
    FormatLink => "tautan", "link";
    FormatCarousel => "carousel", "carousel";
    FormatLive => "siaran langsung", "live";
    FormatOther => "lainnya", "other";
    MetImpressions => "Tayangan", "Impressions";
    MetViews => "Penayangan", "Views";
    MetReach => "Jangkauan", "Reach";
    MetReactions => "Reaksi", "Reactions";
    MetComments => "Komentar", "Comments";
    MetShares => "Dibagikan", "Shares";
    MetSaves => "Disimpan", "Saves";
    MetInteractions => "Interaksi", "Interactions";
    MetClicks => "Klik", "Clicks";
    MetLinkClicks => "Klik tautan", "Link clicks";
    MetProfileVisits => "Kunjungan profil", "Profile visits";
    MetVideoViews => "Penayangan video", "Video views";
    MetWatchTimeSeconds => "Waktu tonton", "Watch time";
    MetAverageViewSeconds => "Rata-rata durasi tonton", "Average view duration";
    MetFollowers => "Pengikut", "Followers";
    MetFollowersGained => "Pengikut baru", "Followers gained";
    MetFollowersLost => "Berhenti mengikuti", "Followers lost";
    MetPageVisits => "Kunjungan halaman", "Page visits";
    MetSessions => "Sesi", "Sessions";
    MetEngagedSessions => "Sesi engaged", "Engaged sessions";
    MetConversions => "Konversi", "Conversions";
    MetSpend => "Biaya iklan", "Ad spend";
    MetRevenue => "Pendapatan", "Revenue";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(text: &str) -> BTreeSet<String> {
        text.split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    }

    #[test]
    fn every_message_has_text_and_the_same_placeholders_in_both_languages() {
        for msg in Msg::ALL {
            let id = msg.text(Lang::Id);
            let en = msg.text(Lang::En);
            assert!(!id.trim().is_empty() && !en.trim().is_empty(), "{msg:?}");
            assert_eq!(placeholders(id), placeholders(en), "{msg:?}");
        }
    }

    /// The page's catalog files (`scripts/catalog.py`, read from this file's source) hold
    /// exactly the compiled-in texts, in declaration order.
    #[cfg(not(feature = "catalog-file"))]
    #[test]
    fn the_catalog_files_hold_the_compiled_in_texts() {
        let dir = std::env::temp_dir().join(format!("linimasa-catalog-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = std::process::Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/catalog.py"))
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pattern = String::from_utf8(out.stdout).unwrap();
        for lang in Lang::ALL {
            let name = pattern.trim().replace("{lang}", lang.tag());
            let file = std::fs::read_to_string(dir.join(name)).unwrap();
            let texts: Vec<String> = serde_json::from_str(&file).unwrap();
            let expected: Vec<&str> = Msg::ALL.iter().map(|m| m.text(lang)).collect();
            assert_eq!(texts, expected, "{lang:?}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn numbers_follow_each_language() {
        let cases: &[(Lang, f64, usize, &str)] = &[
            (Lang::Id, 1234567.891, 2, "1.234.567,89"),
            (Lang::En, 1234567.891, 2, "1,234,567.89"),
            (Lang::Id, -1234.0, 0, "-1.234"),
            (Lang::En, 999.0, 0, "999"),
            (Lang::En, 0.0, 1, "0.0"),
            (Lang::En, -0.04, 1, "0.0"),
            (Lang::Id, 100.0, 0, "100"),
            (Lang::En, 1000.0, 0, "1,000"),
            (Lang::En, f64::NAN, 0, "–"),
        ];
        for (lang, value, decimals, expected) in cases {
            assert_eq!(
                lang.number(*value, *decimals),
                *expected,
                "{lang:?} {value}"
            );
        }
        assert_eq!(Lang::Id.percent(0.1234, 1), "12,3%");
        assert_eq!(Lang::En.percent(0.1234, 1), "12.3%");
        assert_eq!(Lang::Id.compact(12_345.0), "12,3 rb");
        assert_eq!(Lang::En.compact(1_260_000.0), "1.3M");
        assert_eq!(Lang::En.compact(9_999.0), "9,999");
        assert_eq!(Lang::Id.bytes(1536.0), "1,5 KB");
    }

    #[test]
    fn dates_follow_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 8, 17).unwrap();
        assert_eq!(Lang::Id.date(d), "17 Agu 2026");
        assert_eq!(Lang::En.date(d), "Aug 17, 2026");
        assert_eq!(Lang::Id.month_year(d), "Agustus 2026");
    }

    #[test]
    fn browser_languages_pick_the_ui_language() {
        assert_eq!(Lang::negotiate(["id-ID", "en-US"]), Lang::Id);
        assert_eq!(Lang::negotiate(["fr-FR", "en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(["ms-MY"]), Lang::Id);
        assert_eq!(Lang::negotiate(["ja"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = fill(
            Msg::MergeConfirm.text(Lang::En),
            &[
                ("file", "a.json"),
                ("added", "3"),
                ("updated", "1"),
                ("unchanged", "0"),
            ],
        );
        assert_eq!(
            text,
            "Merging \"a.json\": 3 new records, 1 updated, 0 unchanged. Continue?"
        );
    }
}
