from _corpus import doc

LANG = "id"
DOCS = [
doc("id-c01", "challenge", "ID", ["water", "safety"], {"flood": 3, "drainage": 2, "warning": 2},
 "Permukiman di bantaran Ciliwung kebanjiran setiap musim hujan",
 """Setiap musim hujan ribuan rumah di bantaran Sungai Ciliwung kebanjiran, kadang hingga dua meter.
 Warga sering terlambat menerima informasi kenaikan muka air dari pintu air Katulampa. Pemerintah provinsi
 membutuhkan sistem prakiraan banjir dan peringatan dini yang menjangkau setiap RT."""),
doc("id-c02", "challenge", "ID", ["water"], {"drainage": 3, "flood": 2},
 "Saluran drainase tersumbat dan genangan di Kota Semarang",
 """Saluran drainase di kawasan Semarang Utara dangkal dan tersumbat sampah serta sedimen. Ditambah rob dan
 penurunan muka tanah, hujan deras sebentar saja menimbulkan genangan di jalan utama. Kota ingin memantau
 tinggi muka air di saluran dan mengendalikan rumah pompa dari jarak jauh."""),
doc("id-s01", "solution", "ID", ["water", "digital"], {"flood": 3, "warning": 2},
 "Sistem peringatan dini banjir berbasis sensor IoT",
 """Sensor ketinggian air dan curah hujan dipasang di sungai dan titik rawan banjir, datanya dikirim setiap lima
 menit. Sistem memprakirakan banjir beberapa jam sebelumnya dan mengirim peringatan melalui WhatsApp dan
 aplikasi kepada warga yang terdampak."""),
doc("id-s02", "solution", "ID", ["water", "environment"], {"drainage": 3},
 "Pemeliharaan saluran drainase dengan robot kamera",
 """Robot berkamera menyusuri gorong-gorong untuk menemukan retakan dan sumbatan, lalu truk penyedot lumpur
 membersihkannya. Dinas pekerjaan umum menerima peta kondisi saluran untuk merencanakan pemeliharaan sebelum
 musim hujan."""),
doc("id-c03", "challenge", "ID", ["water"], {"water": 3},
 "Tingkat kehilangan air PDAM Kota Medan masih tinggi",
 """Hampir 40 persen air bersih yang diproduksi PDAM hilang karena pipa bocor, sambungan liar dan meter air
 yang rusak. Pelanggan di ujung jaringan sering mendapat aliran kecil. PDAM membutuhkan cara mendeteksi
 kebocoran dengan cepat dan meter air pintar."""),
doc("id-s03", "solution", "KR", ["water", "digital"], {"water": 3},
 "Pengelolaan air minum cerdas: deteksi kebocoran dan meter air pintar",
 """Sensor akustik pada katup mendengarkan bunyi kebocoran pada malam hari dan menentukan lokasinya. Meter air
 pintar mengirim data pemakaian setiap jam sehingga PDAM dapat menekan kehilangan air dan menagih dengan tepat."""),
doc("id-c04", "challenge", "ID", ["water", "environment"], {"wastewater": 3},
 "Pencemaran sungai oleh limbah domestik di Bandung",
 """Sebagian besar air limbah rumah tangga di Bandung dibuang langsung ke Sungai Citarum tanpa pengolahan.
 Tangki septik jarang disedot. Kota perlu memperluas jaringan perpipaan air limbah dan membangun instalasi
 pengolahan air limbah komunal."""),
doc("id-s04", "solution", "ID", ["water", "environment"], {"wastewater": 3},
 "Instalasi pengolahan air limbah komunal modular",
 """IPAL modular dengan teknologi bioreaktor membran dapat dipasang di lahan sempit. Air hasil olahan memenuhi
 baku mutu dan dapat dipakai untuk menyiram taman. Operasinya dipantau dari jarak jauh."""),
doc("id-c05", "challenge", "ID", ["transport"], {"traffic": 3},
 "Kemacetan lalu lintas di simpang-simpang utama Surabaya",
 """Pada jam sibuk kendaraan mengantre panjang di simpang-simpang utama Surabaya. Lampu lalu lintas masih
 menggunakan waktu tetap dan data volume kendaraan terbatas. Pemerintah kota ingin menerapkan pengaturan
 lampu lalu lintas adaptif untuk mengurangi kemacetan."""),
doc("id-s05", "solution", "KR", ["transport", "digital"], {"traffic": 3},
 "Pengendalian lampu lalu lintas adaptif berbasis kecerdasan buatan",
 """Kamera di persimpangan menghitung kendaraan dan pejalan kaki di setiap lajur, lalu pengendali menyesuaikan
 durasi lampu hijau. Simpang-simpang berurutan dikoordinasikan sehingga waktu tunggu dan kemacetan berkurang."""),
doc("id-c06", "challenge", "ID", ["transport"], {"transit": 3},
 "Rendahnya minat warga Makassar menggunakan angkutan umum",
 """Warga Makassar lebih memilih sepeda motor karena angkutan umum tidak teratur dan waktu kedatangannya tidak
 pasti. Halte tidak memiliki informasi rute. Kota ingin membangun sistem informasi bus secara waktu nyata
 dan mengintegrasikan pembayaran nontunai."""),
doc("id-s06", "solution", "ID", ["transport", "digital"], {"transit": 3},
 "Aplikasi informasi kedatangan bus dan tiket elektronik",
 """Aplikasi menampilkan posisi bus dari GPS, memperkirakan waktu tiba di halte dan menerima pembayaran dengan
 kode QR. Operator angkutan menggunakan data yang sama untuk mengatur jadwal keberangkatan."""),
doc("id-c07", "challenge", "ID", ["transport"], {"parking": 3, "traffic": 1},
 "Parkir liar dan kebocoran retribusi parkir di Jakarta Pusat",
 """Kendaraan parkir di badan jalan dan trotoar karena kurangnya lahan parkir, sementara retribusi parkir
 banyak yang tidak masuk ke kas daerah. Pemerintah ingin sistem perparkiran elektronik dengan informasi
 ruang parkir kosong."""),
doc("id-s07", "solution", "ID", ["transport", "digital"], {"parking": 3},
 "Parkir pintar dengan sensor dan pembayaran nontunai",
 """Sensor di setiap petak parkir mendeteksi kendaraan; pengemudi melihat petak kosong di peta dan membayar
 melalui dompet digital. Juru parkir resmi menerima pemberitahuan jika kendaraan melewati batas waktu."""),
doc("id-c08", "challenge", "ID", ["environment"], {"waste": 3},
 "Pengelolaan persampahan dan TPA yang hampir penuh di Denpasar",
 """TPA Suwung sudah melebihi kapasitas dan sampah plastik mencemari pantai. Pemilahan sampah di sumber masih
 rendah dan truk pengangkut sampah tidak datang tepat waktu. Kota perlu memperbaiki sistem persampahan,
 memperbanyak bank sampah dan daur ulang."""),
doc("id-s08", "solution", "ID", ["environment", "digital"], {"waste": 3},
 "Aplikasi bank sampah dan tempat sampah pintar",
 """Warga mencatat setoran sampah terpilah di aplikasi bank sampah dan menukarnya dengan saldo. Tempat sampah
 pintar mengirim tingkat kepenuhan sehingga truk hanya mengangkut yang sudah penuh."""),
doc("id-c09", "challenge", "ID", ["environment", "health"], {"air": 3, "health": 1, "warning": 1},
 "Polusi udara dan kabut asap di Pekanbaru",
 """Saat musim kemarau kebakaran hutan dan lahan menimbulkan kabut asap tebal dan konsentrasi PM2.5 jauh di atas
 baku mutu. Sekolah diliburkan dan kasus ISPA meningkat. Kota membutuhkan jaringan pemantauan kualitas udara
 dan peringatan kesehatan."""),
doc("id-s09", "solution", "ID", ["environment", "digital"], {"air": 3, "warning": 1},
 "Jaringan sensor kualitas udara berbiaya rendah",
 """Stasiun sensor kecil mengukur PM2.5, PM10 dan NO2 setiap menit dan dikalibrasi dengan stasiun referensi.
 Data ditampilkan pada peta publik dan peringatan dikirim saat pencemaran udara melewati ambang batas."""),
doc("id-c10", "challenge", "ID", ["energy"], {"energy": 3},
 "Tagihan listrik gedung pemerintah daerah terus meningkat",
 """Konsumsi listrik kantor pemerintah dan sekolah naik setiap tahun, terutama untuk pendingin udara.
 Pemerintah kota ingin memasang pembangkit listrik tenaga surya atap dan memantau penggunaan energi tiap gedung."""),
doc("id-s10", "solution", "ID", ["energy"], {"energy": 3},
 "PLTS atap tanpa investasi awal untuk gedung publik",
 """Kami membiayai, memasang dan mengoperasikan panel surya atap; pemilik gedung hanya membayar listrik yang
 dihasilkan dengan tarif lebih rendah. Dilengkapi sistem manajemen energi gedung."""),
doc("id-c11", "challenge", "ID", ["energy", "safety"], {"lighting": 3, "cctv": 1},
 "Penerangan jalan umum banyak yang mati di pinggiran kota",
 """Banyak lampu penerangan jalan umum di kawasan pinggiran padam berbulan-bulan sehingga jalan gelap dan rawan
 kejahatan. Laporan kerusakan masih lewat telepon. Kota ingin mengganti dengan lampu LED hemat energi yang
 dapat dipantau dari jarak jauh."""),
doc("id-s11", "solution", "KR", ["energy", "digital"], {"lighting": 3, "energy": 1},
 "Penerangan jalan pintar LED dengan peredupan otomatis",
 """Setiap lampu jalan LED memiliki pengendali yang melaporkan kerusakan dan pemakaian listrik, meredup pada
 larut malam dan menyala terang saat ada pejalan kaki. Biaya listrik penerangan jalan turun lebih dari separuh."""),
doc("id-c12", "challenge", "ID", ["housing"], {"housing": 3, "flood": 1},
 "Permukiman kumuh di bantaran rel dan sungai",
 """Ribuan keluarga tinggal di permukiman kumuh di bantaran rel kereta dan sungai, rawan banjir dan kebakaran.
 Pemerintah perlu menyediakan perumahan terjangkau dan rumah susun sewa dekat tempat kerja."""),
doc("id-s12", "solution", "KR", ["housing", "urban-development"], {"housing": 3},
 "Rumah susun dengan konstruksi modular",
 """Modul bangunan dibuat di pabrik dan dirakit di lokasi sehingga waktu pembangunan rumah susun berkurang
 40 persen. Desainnya mengutamakan ventilasi alami untuk iklim tropis."""),
doc("id-c13", "challenge", "ID", ["safety"], {"cctv": 3},
 "Pencurian dan kejahatan jalanan di sekitar terminal",
 """Penjambretan dan pencurian sering terjadi di sekitar terminal dan pasar malam. Kamera CCTV yang ada hanya
 merekam tanpa dipantau. Kepolisian dan pemerintah kota ingin pusat pemantauan bersama dengan analitik video."""),
doc("id-s13", "solution", "KR", ["safety", "digital"], {"cctv": 3, "platform": 1},
 "Pusat komando kota cerdas dengan CCTV pintar",
 """Platform menghubungkan ribuan kamera pengawas dengan polisi, pemadam kebakaran dan ambulans. Analitik video
 mendeteksi perkelahian dan kendaraan yang dicari lalu memberi tahu petugas."""),
doc("id-c14", "challenge", "ID", ["safety"], {"warning": 3},
 "Peringatan dini longsor dan tsunami yang belum menjangkau warga",
 """Desa-desa di lereng bukit rawan tanah longsor, dan kawasan pesisir terancam tsunami. Peringatan sering
 terlambat sampai ke warga. BPBD membutuhkan sistem peringatan dini melalui sirene dan pesan singkat."""),
doc("id-s14", "solution", "ID", ["safety", "digital"], {"warning": 3},
 "Sistem peringatan dini bencana multikanal",
 """Sistem mengumpulkan data hujan, muka air sungai dan pergerakan tanah, lalu mengirim peringatan melalui
 siaran sel, sirene dan pengeras suara masjid. Petugas menyetujui peringatan melalui web atau ponsel."""),
doc("id-c15", "challenge", "ID", ["governance", "digital"], {"egov": 3},
 "Perizinan bangunan yang lambat dan masih manual",
 """Pemohon harus mendatangi beberapa dinas dan menyerahkan berkas kertas untuk mengurus persetujuan bangunan
 gedung, tanpa bisa memantau prosesnya. Pemerintah kota ingin pelayanan perizinan daring satu pintu
 dengan tanda tangan elektronik."""),
doc("id-s15", "solution", "ID", ["governance", "digital"], {"egov": 3},
 "Portal pelayanan publik daring untuk pemerintah daerah",
 """Warga mengajukan permohonan, membayar retribusi dan melacak status layanan secara daring. Petugas memproses
 berkas dalam satu sistem sehingga penggunaan kertas dan waktu tunggu berkurang."""),
doc("id-c16", "challenge", "ID", ["health"], {"health": 3},
 "Keterbatasan dokter di puskesmas daerah terpencil",
 """Puskesmas di pulau-pulau kecil sering tidak memiliki dokter, dan pasien harus menyeberang berjam-jam ke rumah
 sakit kabupaten. Rekam medis masih di atas kertas. Dinas kesehatan ingin layanan telemedisin."""),
doc("id-s16", "solution", "ID", ["health", "digital"], {"health": 3},
 "Platform telemedisin dan rekam medis elektronik",
 """Dokter rumah sakit rujukan berkonsultasi melalui video dengan puskesmas; alat ukur tekanan darah dan gula darah
 mengirim hasil otomatis. Rekam medis elektronik dapat dibagikan antarfasilitas kesehatan."""),
doc("id-c17", "challenge", "ID", ["urban-development"], {"tourism": 3, "traffic": 1},
 "Kepadatan wisatawan di kawasan Candi Borobudur",
 """Wisatawan menumpuk di Borobudur pada akhir pekan sehingga jalan akses macet dan situs cagar budaya
 terancam rusak. Pemerintah ingin mengatur kunjungan dengan tiket daring dan mengembangkan pariwisata di desa
 sekitarnya."""),
doc("id-s17", "solution", "ID", ["digital"], {"tourism": 3},
 "Aplikasi pariwisata cerdas dengan informasi kepadatan",
 """Aplikasi menunjukkan kepadatan pengunjung di setiap objek wisata, menyarankan waktu dan rute yang lebih sepi,
 serta menyediakan pemandu audio dalam berbagai bahasa dan tiket elektronik."""),
doc("id-c18", "challenge", "ID", ["digital", "governance"], {"platform": 3},
 "Data kota tersebar di berbagai dinas",
 """Data lalu lintas, air, lingkungan dan pertanahan disimpan di dinas yang berbeda dengan format yang tidak
 seragam. Kota membutuhkan platform data kota dan pusat kendali untuk pengambilan keputusan serta data terbuka."""),
doc("id-c19", "challenge", "ID", ["transport", "energy"], {"ev": 3, "air": 1},
 "Stasiun pengisian kendaraan listrik masih sedikit",
 """Pemerintah mendorong penggunaan motor listrik dan mobil listrik untuk mengurangi emisi, tetapi stasiun
 pengisian kendaraan listrik umum masih sedikit. Pengemudi ojek daring membutuhkan penukaran baterai yang cepat."""),
doc("id-c20", "challenge", "ID", ["environment"], {"heat": 3},
 "Suhu panas dan minimnya ruang terbuka hijau",
 """Suhu di pusat kota beberapa derajat lebih tinggi daripada pinggiran karena padatnya bangunan dan minimnya
 ruang terbuka hijau. Kota ingin menanam pohon, menambah taman kota dan memakai atap pemantul panas."""),
doc("id-s18", "solution", "ID", ["digital"], {"platform": 3},
 "Platform data kota dan dasbor pimpinan daerah",
 """Platform mengumpulkan data dari perangkat IoT dan sistem lama setiap dinas, menampilkannya di dasbor dan peta
 tiga dimensi, serta membuka data melalui API untuk masyarakat dan pelaku usaha."""),
doc("id-s19", "solution", "ID", ["transport", "energy"], {"ev": 3},
 "Stasiun penukaran baterai untuk ojek motor listrik",
 """Pengemudi menukar baterai kosong dengan baterai penuh dalam satu menit di stasiun swap otomatis. Stasiun
 mengisi daya di luar jam puncak dan aplikasi menunjukkan jumlah baterai yang siap dipakai."""),
doc("id-c21", "challenge", "ID", ["water", "urban-development"], {"flood": 3, "drainage": 1},
 "Banjir rob membanjiri permukiman pesisir utara Jakarta",
 """Air laut pasang semakin sering membanjiri permukiman nelayan di pesisir utara karena penurunan muka tanah.
 Tanggul laut bocor di beberapa titik. Warga membutuhkan pemantauan tanggul dan informasi jadwal rob yang akurat."""),
]
