from _corpus import doc

LANG = "ms"
DOCS = [
doc("ms-c01", "challenge", "MY", ["water", "safety"], {"flood": 3, "drainage": 2, "warning": 1},
 "Banjir kilat berulang di pusat bandar Kuala Lumpur",
 """Hujan lebat selama sejam sudah cukup untuk menyebabkan banjir kilat di beberapa jalan utama Kuala Lumpur.
 Kenderaan terkandas dan peniaga mengalami kerugian. Dewan Bandaraya memerlukan ramalan banjir yang lebih tepat
 dan maklumat paras air secara masa nyata kepada orang ramai."""),
doc("ms-c02", "challenge", "MY", ["water"], {"drainage": 3, "flood": 2},
 "Sistem saliran bandar yang tersumbat di Pulau Pinang",
 """Longkang dan parit di kawasan bandar lama George Town sempit dan kerap tersumbat oleh sampah dan sedimen.
 Apabila hujan lebat bertembung dengan air pasang, air tidak dapat mengalir keluar. Majlis bandaraya ingin
 memantau paras air dalam sistem saliran dan mengawal rumah pam dari jauh."""),
doc("ms-s01", "solution", "MY", ["water", "digital"], {"flood": 3, "warning": 2},
 "Sistem amaran awal banjir menggunakan sensor IoT",
 """Sensor paras air dan tolok hujan dipasang di sungai dan kawasan berisiko banjir, dengan data dihantar setiap
 lima minit. Sistem meramalkan banjir beberapa jam lebih awal dan menghantar amaran melalui SMS dan aplikasi
 kepada penduduk."""),
doc("ms-s02", "solution", "MY", ["water", "environment"], {"drainage": 3},
 "Penyelenggaraan longkang dan pembetung dengan robot kamera",
 """Robot berkamera memeriksa pembetung untuk mengesan keretakan dan sumbatan, kemudian lori penyedut membersihkan
 lumpur. Pihak berkuasa tempatan menerima peta keadaan saliran untuk merancang kerja penyelenggaraan."""),
doc("ms-c03", "challenge", "MY", ["water"], {"water": 3},
 "Air tidak berhasil yang tinggi di Kelantan",
 """Lebih separuh air terawat hilang akibat paip bocor, sambungan haram dan meter air yang rosak. Penduduk di
 hujung rangkaian kerap mengalami gangguan bekalan air. Syarikat air memerlukan kaedah mengesan kebocoran paip
 dengan pantas."""),
doc("ms-s03", "solution", "KR", ["water", "digital"], {"water": 3},
 "Pengurusan bekalan air pintar: pengesanan kebocoran dan meter pintar",
 """Sensor akustik pada injap mengesan bunyi kebocoran pada waktu malam dan menentukan lokasinya. Meter air pintar
 menghantar bacaan setiap jam bagi membantu pengendali mengurangkan air tidak berhasil."""),
doc("ms-c04", "challenge", "BN", ["water", "environment"], {"wastewater": 3},
 "Air kumbahan tidak dirawat dari Kampong Ayer",
 """Rumah-rumah di Kampong Ayer menyalurkan air kumbahan terus ke Sungai Brunei dan kualiti air semakin merosot.
 Kerajaan memerlukan loji rawatan kumbahan kecil yang sesuai untuk kampung atas air."""),
doc("ms-s04", "solution", "MY", ["water", "environment"], {"wastewater": 3},
 "Loji rawatan kumbahan modular untuk kawasan padat",
 """Loji rawatan kumbahan dalam kontena menggunakan bioreaktor membran dan memerlukan tapak yang kecil. Efluen
 yang dirawat memenuhi piawaian pelepasan dan boleh digunakan semula untuk menyiram landskap."""),
doc("ms-c05", "challenge", "MY", ["transport"], {"traffic": 3},
 "Kesesakan lalu lintas di Johor Bahru pada waktu puncak",
 """Kenderaan beratur panjang di persimpangan utama Johor Bahru terutama berhampiran Tambak Johor pada waktu
 puncak. Lampu isyarat masih beroperasi mengikut masa tetap. Majlis bandaraya mahu sistem kawalan lampu isyarat
 pintar untuk mengurangkan kesesakan."""),
doc("ms-s05", "solution", "KR", ["transport", "digital"], {"traffic": 3},
 "Kawalan lampu isyarat adaptif berasaskan kecerdasan buatan",
 """Kamera di persimpangan mengira kenderaan dan pejalan kaki bagi setiap lorong, lalu pengawal melaraskan tempoh
 lampu hijau setiap kitaran. Persimpangan berturutan diselaraskan supaya kesesakan berkurangan."""),
doc("ms-c06", "challenge", "MY", ["transport"], {"transit": 3},
 "Bas perantara ke stesen LRT tidak menepati jadual",
 """Ramai penduduk memandu ke tempat kerja kerana bas perantara ke stesen LRT jarang dan tidak menepati jadual.
 Hentian bas tiada maklumat laluan. Bandar raya ingin menyediakan maklumat ketibaan bas masa nyata supaya
 pengangkutan awam menjadi pilihan utama."""),
doc("ms-s06", "solution", "MY", ["transport", "digital"], {"transit": 3},
 "Aplikasi maklumat ketibaan bas dan tiket elektronik",
 """Aplikasi memaparkan kedudukan bas daripada GPS, meramalkan masa ketibaan di hentian dan menerima bayaran
 tiket melalui kod QR. Pengendali menggunakan data yang sama untuk menyusun jadual perjalanan."""),
doc("ms-c07", "challenge", "MY", ["transport"], {"parking": 3, "traffic": 1},
 "Kekurangan tempat letak kereta di pusat bandar Melaka",
 """Pengunjung berpusing-pusing mencari tempat letak kereta di bandar warisan Melaka, menyebabkan kesesakan.
 Maklumat petak letak kereta kosong tidak tersedia. Majlis bandaraya mahu sistem panduan letak kereta dan
 bayaran melalui aplikasi."""),
doc("ms-s07", "solution", "MY", ["transport", "digital"], {"parking": 3},
 "Letak kereta pintar dengan sensor petak dan bayaran tanpa tunai",
 """Sensor di setiap petak mengesan kenderaan; pemandu melihat petak kosong di peta dan membayar melalui e-dompet.
 Penguat kuasa menerima makluman apabila kenderaan melebihi masa."""),
doc("ms-c08", "challenge", "MY", ["environment"], {"waste": 3},
 "Tapak pelupusan sisa pepejal hampir penuh di Kuching",
 """Tapak pelupusan sampah hampir mencapai had dan kadar kitar semula masih rendah. Lori pengutip sampah
 mengikut laluan yang sama setiap hari walaupun tong tidak penuh. Bandar raya mahu meningkatkan pengasingan sisa
 di punca dan mengoptimumkan kutipan."""),
doc("ms-s08", "solution", "MY", ["environment", "digital"], {"waste": 3},
 "Tong sampah pintar dan pengoptimuman laluan kutipan",
 """Sensor dalam tong sampah melaporkan tahap kepenuhan supaya lori hanya mengutip tong yang penuh. Aplikasi
 kitar semula memberi ganjaran mata kepada isi rumah yang mengasingkan sisa."""),
doc("ms-c09", "challenge", "MY", ["environment", "health"], {"air": 3, "health": 1},
 "Jerebu rentas sempadan dan kualiti udara tidak sihat",
 """Setiap musim kemarau jerebu menyebabkan Indeks Pencemar Udara mencecah tahap tidak sihat dan sekolah terpaksa
 ditutup. Kes penyakit pernafasan meningkat. Negeri memerlukan rangkaian pemantauan kualiti udara yang lebih padat."""),
doc("ms-s09", "solution", "MY", ["environment", "digital"], {"air": 3, "warning": 1},
 "Rangkaian sensor kualiti udara kos rendah",
 """Stesen sensor kecil mengukur PM2.5, PM10 dan ozon setiap minit, ditentukur dengan stesen rujukan. Data dipaparkan
 pada peta awam dan amaran dihantar apabila pencemaran udara melebihi had."""),
doc("ms-c10", "challenge", "MY", ["energy"], {"energy": 3},
 "Bil elektrik bangunan kerajaan tempatan semakin tinggi",
 """Penggunaan elektrik pejabat majlis dan sekolah meningkat setiap tahun, terutamanya untuk penghawa dingin.
 Majlis ingin memasang panel solar di atas bumbung dan memantau penggunaan tenaga setiap bangunan."""),
doc("ms-s10", "solution", "MY", ["energy"], {"energy": 3},
 "Solar bumbung tanpa modal untuk bangunan awam",
 """Kami membiayai, memasang dan mengendalikan sistem solar fotovolta di atas bumbung; pemilik bangunan hanya
 membayar tenaga yang dijana pada kadar lebih rendah. Disertakan sistem pengurusan tenaga bangunan."""),
doc("ms-c11", "challenge", "BN", ["energy", "safety"], {"lighting": 3},
 "Lampu jalan rosak dan jalan gelap di kawasan perumahan",
 """Banyak lampu jalan di kawasan perumahan rosak berbulan-bulan dan penduduk berasa tidak selamat pada waktu
 malam. Aduan kerosakan dibuat melalui telefon. Pihak berkuasa mahu lampu jalan LED yang jimat tenaga dan dipantau
 dari jauh."""),
doc("ms-s11", "solution", "KR", ["energy", "digital"], {"lighting": 3, "energy": 1},
 "Lampu jalan pintar LED dengan kawalan kecerahan",
 """Setiap lampu jalan LED mempunyai pengawal yang melaporkan kerosakan dan penggunaan tenaga, malap pada lewat
 malam dan menjadi terang apabila pejalan kaki menghampiri. Kos elektrik lampu jalan berkurang lebih separuh."""),
doc("ms-c12", "challenge", "MY", ["housing"], {"housing": 3, "transit": 1},
 "Kekurangan rumah mampu milik untuk golongan muda",
 """Harga rumah di bandar raya jauh melebihi kemampuan pekerja muda dan ramai menyewa bilik yang sesak. Kerajaan
 negeri mahu menambah rumah mampu milik berhampiran pengangkutan awam."""),
doc("ms-s12", "solution", "KR", ["housing", "urban-development"], {"housing": 3},
 "Pembinaan modular untuk perumahan awam",
 """Modul dibina di kilang dan dipasang di tapak, memendekkan tempoh pembinaan perumahan awam sebanyak 40 peratus.
 Reka bentuk mengutamakan pengudaraan semula jadi untuk iklim panas dan lembap."""),
doc("ms-c13", "challenge", "MY", ["safety"], {"cctv": 3},
 "Jenayah ragut di sekitar pasar malam dan terminal bas",
 """Kes ragut dan kecurian kerap berlaku di sekitar pasar malam dan terminal bas. Kamera CCTV sedia ada hanya
 merakam tanpa dipantau secara langsung. Polis dan pihak berkuasa tempatan mahu pusat pemantauan bersepadu."""),
doc("ms-s13", "solution", "KR", ["safety", "digital"], {"cctv": 3, "platform": 1},
 "Pusat operasi bandar pintar dengan CCTV pintar",
 """Platform menghubungkan ribuan kamera keselamatan dengan polis, bomba dan ambulans. Analitik video mengesan
 pergaduhan dan kenderaan yang dikehendaki lalu memaklumkan operator."""),
doc("ms-c14", "challenge", "MY", ["safety", "water"], {"warning": 3, "flood": 2},
 "Amaran awal banjir monsun di pantai timur",
 """Banjir besar melanda Kelantan dan Terengganu hampir setiap musim tengkujuh. Amaran sampai lewat kepada
 penduduk kampung. Agensi pengurusan bencana memerlukan sistem amaran awal melalui siren dan mesej telefon."""),
doc("ms-s14", "solution", "MY", ["safety", "digital"], {"warning": 3},
 "Sistem amaran bencana pelbagai saluran",
 """Sistem mengumpul data hujan, paras sungai dan pergerakan tanah, lalu menghantar amaran melalui siaran sel,
 siren dan pembesar suara masjid. Pegawai meluluskan amaran melalui web atau telefon."""),
doc("ms-c15", "challenge", "BN", ["governance", "digital"], {"egov": 3},
 "Permohonan permit bangunan yang lambat dan berasaskan kertas",
 """Pemohon perlu ke beberapa jabatan dan menghantar dokumen bercetak untuk mendapatkan permit bangunan tanpa
 dapat menjejak status permohonan. Kerajaan mahu perkhidmatan dalam talian sehenti dengan tandatangan digital."""),
doc("ms-s15", "solution", "MY", ["governance", "digital"], {"egov": 3},
 "Portal perkhidmatan awam dalam talian untuk pihak berkuasa tempatan",
 """Orang ramai membuat permohonan, membayar fi dan menjejak status secara dalam talian. Pegawai memproses
 permohonan dalam satu sistem, mengurangkan penggunaan kertas dan masa menunggu."""),
doc("ms-c16", "challenge", "MY", ["health"], {"health": 3},
 "Akses kepada doktor di kawasan pedalaman Sabah",
 """Klinik desa di pedalaman Sabah jarang mempunyai doktor dan pesakit terpaksa menempuh perjalanan berjam-jam
 ke hospital daerah. Rekod perubatan masih bercetak. Jabatan kesihatan mahu perkhidmatan teleperubatan."""),
doc("ms-s16", "solution", "MY", ["health", "digital"], {"health": 3},
 "Platform teleperubatan dan rekod perubatan elektronik",
 """Doktor hospital rujukan berunding melalui video dengan klinik desa; alat pengukur tekanan darah dan gula
 menghantar bacaan secara automatik. Rekod perubatan elektronik dikongsi antara fasiliti kesihatan."""),
doc("ms-c17", "challenge", "MY", ["urban-development"], {"tourism": 3},
 "Kesesakan pelancong di tapak warisan George Town",
 """Pelancong bertumpu di beberapa jalan warisan pada hujung minggu sehingga menjejaskan kehidupan penduduk dan
 bangunan lama. Bandar raya mahu menyebarkan pelancong dan menyediakan panduan pelancongan digital."""),
doc("ms-s17", "solution", "MY", ["digital"], {"tourism": 3},
 "Aplikasi pelancongan pintar dengan maklumat kesesakan",
 """Aplikasi menunjukkan kesesakan setiap tarikan pelancong, mencadangkan masa dan laluan yang lebih lengang
 serta menyediakan panduan audio dalam pelbagai bahasa."""),
doc("ms-c18", "challenge", "MY", ["digital", "governance"], {"platform": 3},
 "Data bandar berselerak di pelbagai jabatan",
 """Data lalu lintas, air, alam sekitar dan tanah disimpan oleh jabatan berlainan dalam format berbeza. Bandar raya
 memerlukan platform data bandar dan pusat kawalan untuk membuat keputusan serta data terbuka."""),
doc("ms-c19", "challenge", "MY", ["transport", "energy"], {"ev": 3},
 "Stesen pengecasan kenderaan elektrik masih terhad",
 """Kerajaan negeri menggalakkan kenderaan elektrik tetapi stesen pengecasan awam masih sedikit dan tertumpu di
 pusat beli-belah. Pemandu bimbang tentang jarak perjalanan."""),
doc("ms-c20", "challenge", "MY", ["environment"], {"heat": 3},
 "Fenomena pulau haba bandar di kawasan padat",
 """Suhu di pusat bandar beberapa darjah lebih tinggi berbanding kawasan hijau. Majlis mahu memetakan haba,
 menanam lebih banyak pokok dan menggunakan bahan bumbung yang memantulkan haba."""),
doc("ms-s18", "solution", "MY", ["digital"], {"platform": 3},
 "Platform data bandar pintar dan papan pemuka eksekutif",
 """Platform menghimpunkan data daripada peranti IoT dan sistem sedia ada setiap jabatan, memaparkannya pada papan
 pemuka dan peta tiga dimensi, serta membuka data melalui API kepada orang awam."""),
doc("ms-s19", "solution", "MY", ["transport", "energy"], {"ev": 3, "parking": 1},
 "Pengecas pantas kenderaan elektrik di tempat letak kereta awam",
 """Kami memasang dan mengendalikan pengecas pantas di tempat letak kereta awam dan stesen minyak. Aplikasi
 menunjukkan pengecas yang kosong, menerima tempahan dan bayaran tanpa tunai."""),
doc("ms-s20", "solution", "MY", ["environment", "urban-development"], {"heat": 3},
 "Bumbung hijau dan dinding tumbuhan untuk menyejukkan bandar",
 """Kami mereka bentuk bumbung hijau, dinding tumbuhan dan cat pemantul haba untuk sekolah dan pejabat, di samping
 penanaman pokok teduhan di jalan untuk mengurangkan suhu permukaan."""),
]
