from _corpus import doc

LANG = "tl"
DOCS = [
doc("tl-c01", "challenge", "PH", ["water", "safety"], {"flood": 3, "drainage": 1, "warning": 1},
 "Madalas na pagbaha sa mga barangay sa tabi ng Ilog Pasig",
 """Tuwing may malakas na ulan, binabaha ang mga mababang barangay sa tabi ng ilog at umaabot hanggang baywang
 ang tubig. Napipilitang lumikas ang mga pamilya sa gitna ng gabi. Kailangan ng lungsod ng mas maagang pagtaya
 ng baha at malinaw na impormasyon kung gaano kataas ang tubig sa bawat kalye."""),
doc("tl-c02", "challenge", "PH", ["water"], {"drainage": 3, "flood": 2},
 "Baradong kanal at estero sa Maynila",
 """Barado ng basura at putik ang mga kanal at estero sa lumang bahagi ng Maynila, kaya hindi agad umaagos ang
 tubig-ulan at bumabaha sa mga kalsada. Nais ng lungsod na bantayan ang taas ng tubig sa mga daluyan at
 kontrolin nang malayuan ang mga pumping station."""),
doc("tl-s01", "solution", "PH", ["water", "digital"], {"flood": 3, "warning": 2},
 "Sistema ng maagang babala sa baha gamit ang mga IoT sensor",
 """Naglalagay kami ng mga sensor ng taas ng tubig at dami ng ulan sa mga ilog at lugar na madalas bahain.
 Ipinapadala ang datos bawat limang minuto at nagpapadala ang sistema ng babala sa pamamagitan ng text at app
 bago pa tumaas ang baha."""),
doc("tl-s02", "solution", "PH", ["water", "environment"], {"drainage": 3},
 "Paglilinis ng kanal at drainage gamit ang robot na may kamera",
 """Pumapasok ang robot na may kamera sa mga tubo ng drainage upang hanapin ang mga bitak at bara, saka nililinis
 ng trak na panghigop ng putik. Tumatanggap ang lokal na pamahalaan ng mapa ng kalagayan ng mga kanal."""),
doc("tl-c03", "challenge", "PH", ["water"], {"water": 3},
 "Nasasayang na tubig dahil sa tagas ng tubo sa Iloilo",
 """Halos kalahati ng malinis na tubig ang nawawala dahil sa tumatagas na lumang tubo at ilegal na koneksyon.
 Ilang oras lang sa isang araw may tubig ang mga bahay sa matataas na lugar. Naghahanap ang water district
 ng paraan para mabilis matukoy ang tagas."""),
doc("tl-s03", "solution", "KR", ["water", "digital"], {"water": 3},
 "Matalinong metro ng tubig at pagtukoy ng tagas",
 """Pinapakinggan ng mga acoustic sensor sa balbula ang tunog ng tagas sa gabi at tinutukoy ang lokasyon nito.
 Nagpapadala ang matalinong metro ng tubig ng pagbasa bawat oras para mabawasan ang nasasayang na tubig."""),
doc("tl-c04", "challenge", "PH", ["water", "environment"], {"wastewater": 3},
 "Maruming tubig mula sa kabahayan na diretso sa Manila Bay",
 """Karamihan ng maruming tubig mula sa mga kabahayan ay diretsong dumadaloy sa mga estero at sa Manila Bay nang
 hindi nalilinis. Bihirang malinis ang mga septic tank. Kailangan ang mas maraming sewage treatment plant."""),
doc("tl-s04", "solution", "PH", ["water", "environment"], {"wastewater": 3},
 "Modular na sewage treatment plant para sa siksik na komunidad",
 """Gumagamit ang aming planta ng membrane bioreactor at kasya sa maliit na lote. Pumapasa sa pamantayan ang
 nalinis na tubig at maaaring gamitin muli sa pagdidilig ng halaman."""),
doc("tl-c05", "challenge", "PH", ["transport"], {"traffic": 3},
 "Matinding trapiko sa EDSA tuwing rush hour",
 """Umaabot ng dalawang oras ang biyahe sa EDSA tuwing umaga at gabi. Nakatakda pa rin sa lumang oras ang mga
 traffic light sa malalaking interseksyon. Gusto ng Metro Manila ng matalinong kontrol ng traffic light
 at datos kung saan nagsisikip ang trapiko."""),
doc("tl-s05", "solution", "KR", ["transport", "digital"], {"traffic": 3},
 "Adaptive na kontrol ng traffic light gamit ang artificial intelligence",
 """Binibilang ng mga kamera sa interseksyon ang mga sasakyan at tumatawid sa bawat linya, at inaayos ng
 controller ang haba ng berdeng ilaw. Nababawasan ang paghihintay at pagsisikip ng trapiko."""),
doc("tl-c06", "challenge", "PH", ["transport"], {"transit": 3},
 "Mahabang pila at hindi maaasahang pampublikong sasakyan sa Cebu",
 """Mahahaba ang pila sa sakayan ng jeep at bus tuwing rush hour at walang nakakaalam kung kailan darating ang
 susunod na biyahe. Nais ng lungsod ng real-time na impormasyon tungkol sa bus at mas maayos na mga ruta ng
 pampublikong transportasyon."""),
doc("tl-s06", "solution", "PH", ["transport", "digital"], {"transit": 3},
 "App para sa pagdating ng bus at modernong jeep",
 """Ipinapakita ng app ang lokasyon ng bus at modernong jeep mula sa GPS, tinataya kung kailan darating sa
 hintuan at tumatanggap ng bayad gamit ang QR code."""),
doc("tl-c07", "challenge", "PH", ["transport"], {"parking": 3, "traffic": 1},
 "Kakulangan ng paradahan sa Makati at ilegal na pagparada",
 """Umiikot nang matagal ang mga motorista para maghanap ng paradahan sa central business district, kaya lalong
 sumisikip ang trapiko. Maraming sasakyan ang nakaparada sa bangketa. Nais ng lungsod ng sistema na nagpapakita
 ng bakanteng puwesto at bayad sa app."""),
doc("tl-s07", "solution", "PH", ["transport", "digital"], {"parking": 3},
 "Smart parking na may sensor sa bawat puwesto",
 """Natutukoy ng sensor sa bawat puwesto kung may nakaparadang sasakyan. Nakikita ng drayber ang bakanteng
 paradahan sa mapa at nagbabayad sa e-wallet."""),
doc("tl-c08", "challenge", "PH", ["environment"], {"waste": 3},
 "Umaapaw na basura at hindi regular na pangongolekta sa Quezon City",
 """Hindi regular ang pagdaan ng trak ng basura sa ilang barangay, kaya nagtatambak ang basura sa kalye at
 itinatapon sa estero. Mababa pa rin ang paghihiwalay ng basura. Kailangan ng mas mahusay na ruta at mas
 maraming materials recovery facility."""),
doc("tl-s08", "solution", "PH", ["environment", "digital"], {"waste": 3},
 "Matalinong basurahan at app para sa recycling",
 """Nagpapadala ang sensor sa loob ng basurahan ng antas ng laman upang ang trak ay dumaan lamang sa punong
 basurahan. Binibigyan ng app ng puntos ang mga kabahayang naghihiwalay ng basura."""),
doc("tl-c09", "challenge", "PH", ["environment", "health"], {"air": 3, "health": 1, "warning": 1},
 "Maruming hangin at usok ng sasakyan sa Metro Manila",
 """Mataas ang PM2.5 sa mga pangunahing kalsada dahil sa usok ng mga lumang jeep, bus at trak. Dumarami ang
 may sakit sa baga. Kailangan ng mas maraming istasyong sumusukat ng kalidad ng hangin at babala sa publiko."""),
doc("tl-s09", "solution", "PH", ["environment", "digital"], {"air": 3, "warning": 1},
 "Murang network ng sensor para sa kalidad ng hangin",
 """Sinusukat ng maliliit na sensor ang PM2.5, PM10 at ozone bawat minuto. Ipinapakita ang datos sa pampublikong
 mapa at nagpapadala ng babala kapag masyadong marumi ang hangin."""),
doc("tl-c10", "challenge", "PH", ["energy"], {"energy": 3},
 "Mataas na singil sa kuryente ng mga gusali ng pamahalaan",
 """Patuloy na tumataas ang konsumo ng kuryente ng mga opisina at paaralan dahil sa aircon. Gusto ng lungsod na
 maglagay ng solar panel sa bubong at bantayan ang paggamit ng enerhiya ng bawat gusali."""),
doc("tl-s10", "solution", "PH", ["energy"], {"energy": 3},
 "Solar sa bubong na walang paunang puhunan",
 """Kami ang magpopondo, magkakabit at magpapatakbo ng solar panel sa bubong; babayaran lang ng may-ari ang
 kuryenteng nagawa sa mas mababang presyo."""),
doc("tl-c11", "challenge", "PH", ["energy", "safety"], {"lighting": 3, "cctv": 1},
 "Sirang ilaw sa kalye at madidilim na eskinita",
 """Maraming ilaw sa kalye ang matagal nang sira kaya madilim at delikado ang mga eskinita sa gabi. Sa telepono
 pa rin iniuulat ang sira. Nais ng lungsod ng matipid na LED na ilaw na nababantayan nang malayuan."""),
doc("tl-s11", "solution", "KR", ["energy", "digital"], {"lighting": 3, "energy": 1},
 "Matalinong LED na ilaw sa kalye na may kontrol ng liwanag",
 """May controller ang bawat LED na ilaw na nag-uulat ng sira at konsumo ng kuryente, humihina sa hatinggabi at
 lumiliwanag kapag may dumaraang tao. Higit kalahati ang natitipid sa kuryente."""),
doc("tl-c12", "challenge", "PH", ["housing"], {"housing": 3, "flood": 1},
 "Mga informal settler sa tabi ng estero",
 """Libu-libong pamilya ang nakatira sa mga barung-barong sa tabi ng estero, delikado sa baha at sunog.
 Kailangan ng abot-kayang pabahay malapit sa trabaho at paaralan at maayos na relokasyon."""),
doc("tl-s12", "solution", "KR", ["housing", "urban-development"], {"housing": 3},
 "Modular na konstruksyon para sa murang pabahay",
 """Ginagawa sa pabrika ang mga module at binubuo sa lugar, kaya 40 porsiyentong mas mabilis ang pagtatayo ng
 pabahay. Disenyado para sa mainit at maalinsangang klima."""),
doc("tl-c13", "challenge", "PH", ["safety"], {"cctv": 3},
 "Nakawan at snatching malapit sa terminal at palengke",
 """Madalas ang snatching at nakawan sa paligid ng terminal at palengke. Nagre-record lang ang mga CCTV camera
 at walang nagbabantay nang live. Nais ng pulis at ng lungsod ng iisang command center."""),
doc("tl-s13", "solution", "KR", ["safety", "digital"], {"cctv": 3, "platform": 1},
 "Command center ng lungsod na may matalinong CCTV",
 """Pinag-uugnay ng platform ang libu-libong CCTV camera sa pulis, bumbero at ambulansya. Natutukoy ng video
 analytics ang away at hinahanap na sasakyan at inaalerto ang operator."""),
doc("tl-c14", "challenge", "PH", ["safety"], {"warning": 3, "flood": 1},
 "Maagang babala sa bagyo at storm surge sa Eastern Visayas",
 """Taun-taon dumaraan ang malalakas na bagyo sa Eastern Visayas at nagdudulot ng storm surge at pagbaha.
 Huli nang dumarating ang babala sa mga mangingisda. Kailangan ng sistema ng maagang babala sa cellphone at sirena."""),
doc("tl-s14", "solution", "PH", ["safety", "digital"], {"warning": 3},
 "Sistema ng babala sa sakuna sa iba't ibang paraan",
 """Kinokolekta ng sistema ang datos ng ulan, taas ng ilog at paggalaw ng lupa, saka nagpapadala ng babala sa
 cell broadcast, sirena at megaphone ng barangay."""),
doc("tl-c15", "challenge", "PH", ["governance", "digital"], {"egov": 3},
 "Mabagal na pagkuha ng building permit at mga papeles",
 """Kailangang pumunta sa iba't ibang opisina at magsumite ng maraming papeles para makakuha ng building permit,
 at hindi alam ng aplikante ang estado ng aplikasyon. Nais ng lungsod ng online na serbisyo at e-signature."""),
doc("tl-s15", "solution", "PH", ["governance", "digital"], {"egov": 3},
 "Online portal ng serbisyo publiko para sa LGU",
 """Maaaring mag-apply, magbayad ng bayarin at subaybayan ang estado ng aplikasyon online. Pinoproseso ng mga
 kawani ang aplikasyon sa iisang sistema."""),
doc("tl-c16", "challenge", "PH", ["health"], {"health": 3},
 "Kakulangan ng doktor sa mga malalayong isla",
 """Walang doktor ang maraming rural health unit sa malalayong isla, at kailangang sumakay ng bangka nang ilang
 oras ang pasyente papunta sa ospital. Nais ng probinsya ng telemedicine."""),
doc("tl-s16", "solution", "PH", ["health", "digital"], {"health": 3},
 "Telemedicine at elektronikong rekord ng pasyente",
 """Nakikipag-usap sa video ang doktor ng ospital sa nars ng health center; awtomatikong naipapadala ang sukat ng
 presyon ng dugo. Nagagamit ng iba't ibang pasilidad ang elektronikong rekord."""),
doc("tl-c17", "challenge", "PH", ["urban-development"], {"tourism": 3, "waste": 1},
 "Dami ng turista sa Boracay at Intramuros",
 """Dumadagsa ang mga turista tuwing bakasyon kaya nasisira ang kapaligiran at dumarami ang basura. Nais ng
 pamahalaan na ikalat ang mga bisita at magkaroon ng digital na gabay at online na tiket."""),
doc("tl-s17", "solution", "PH", ["digital"], {"tourism": 3},
 "Matalinong app sa turismo na nagpapakita ng dami ng tao",
 """Ipinapakita ng app kung gaano karami ang tao sa bawat pasyalan at nagmumungkahi ng mas tahimik na oras at
 ruta, may audio guide sa iba't ibang wika."""),
doc("tl-c18", "challenge", "PH", ["digital", "governance"], {"platform": 3},
 "Kalat-kalat na datos ng lungsod sa iba't ibang departamento",
 """Magkakahiwalay at iba-iba ang format ng datos ng trapiko, tubig at kapaligiran sa bawat departamento. Kailangan
 ng lungsod ng iisang data platform at command center para sa mas mabilis na pagpapasya."""),
doc("tl-c19", "challenge", "PH", ["transport", "energy"], {"ev": 3, "air": 1, "transit": 1},
 "Kaunting charging station para sa e-jeepney at de-kuryenteng sasakyan",
 """Hinihikayat ng pamahalaan ang e-jeepney at de-kuryenteng motorsiklo para mabawasan ang usok, ngunit kaunti pa
 ang charging station. Nag-aalala ang mga drayber sa layo ng kayang biyahe."""),
doc("tl-c20", "challenge", "PH", ["environment"], {"heat": 3},
 "Matinding init sa lungsod at kakaunting puno",
 """Mas mainit nang ilang digri ang sentro ng lungsod kaysa sa mga luntiang lugar dahil sa semento at kakaunting
 puno. Nais ng lungsod na magtanim ng mga puno at gumamit ng bubong na nagrereplekta ng init."""),
doc("tl-s18", "solution", "PH", ["digital"], {"platform": 3},
 "Data platform at dashboard para sa mga lokal na opisyal",
 """Tinitipon ng platform ang datos mula sa mga IoT device at lumang sistema ng bawat opisina, ipinapakita sa
 dashboard at mapa, at binubuksan sa publiko sa pamamagitan ng API."""),
doc("tl-s19", "solution", "PH", ["transport", "energy"], {"ev": 3},
 "Palitan ng baterya para sa de-kuryenteng tricycle at motorsiklo",
 """Napapalitan ng drayber ang ubos na baterya ng punong baterya sa loob ng isang minuto sa awtomatikong istasyon.
 Nagcha-charge ang istasyon sa gabi at ipinapakita ng app kung ilang baterya ang handa."""),
doc("tl-c21", "challenge", "PH", ["water", "safety"], {"flood": 3, "warning": 1},
 "Binahang subdibisyon sa Marikina matapos ang bagyo",
 """Matapos ang bagyo, binaha ang buong subdibisyon at lumubog ang mga sasakyan. Maraming residente ang hindi
 nakatanggap ng abiso na tataas ang ilog. Kailangan ng sensor sa ilog at mapa ng lugar na madaling bahain."""),
]
