from _corpus import doc

LANG = "en"
DOCS = [
doc("en-c01", "challenge", "PH", ["water", "safety"], {"flood": 3, "drainage": 2, "warning": 1},
 "Recurring floods in low-lying barangays of Marikina",
 """Every monsoon season the Marikina River overflows and floods low-lying barangays within hours.
 Residents move their belongings to upper floors and schools close for days. The city wants better
 flood forecasting for the river basin and a way to tell each household how deep the water is likely to get."""),
doc("en-c02", "challenge", "SG", ["water"], {"drainage": 3, "flood": 2},
 "Flash flooding at road underpasses during intense storms",
 """Short, intense thunderstorms overwhelm roadside drains and canals in older estates, and underpasses
 fill with water within minutes. The agency needs sensors in the drainage network that report water
 levels in real time so that roads can be closed before cars get stuck."""),
doc("en-s01", "solution", "KR", ["water", "digital"], {"flood": 3, "warning": 2, "drainage": 1},
 "Urban flood early-warning service with river and rainfall sensors",
 """Our service combines rain gauges, river level sensors and a hydraulic model to forecast urban
 flooding up to three hours ahead. Alerts reach residents by SMS and a mobile app, and the control room
 sees a map of flooded streets. Deployed in four Korean cities since 2017."""),
doc("en-s02", "solution", "SG", ["water", "digital"], {"drainage": 3, "flood": 2, "platform": 1},
 "Smart drain monitoring with ultrasonic level sensors",
 """Battery-powered ultrasonic sensors are mounted inside drains and canals and send water levels every
 five minutes over NB-IoT. A dashboard flags blocked drains and predicts where water will overflow,
 so maintenance crews can clear silt and rubbish before the rainy season."""),
doc("en-c03", "challenge", "PH", ["water"], {"water": 3},
 "High non-revenue water in the Metro Cebu distribution network",
 """Almost half of the treated water in Metro Cebu is lost to leaking pipes and illegal connections
 before it reaches paying customers. Households in upland barangays receive water only a few hours a day.
 The water district is looking for ways to find leaks quickly and to reduce pressure losses."""),
doc("en-s03", "solution", "KR", ["water", "digital"], {"water": 3, "platform": 1},
 "Acoustic leak detection and smart water meters",
 """Acoustic loggers installed on valves listen for the sound of leaking pipes at night, when demand is
 low, and pinpoint leaks to within a few metres. Smart water meters read consumption every hour and detect
 unusual use. Utilities using the system cut non-revenue water by a third in two years."""),
doc("en-c04", "challenge", "BN", ["water", "environment"], {"wastewater": 3, "water": 1},
 "Untreated wastewater reaching the Brunei River from stilt villages",
 """Homes in the water village discharge wastewater directly into the river, and septic tanks on land are
 rarely emptied. Water quality near Kampong Ayer has declined and the river smells at low tide. The
 municipality seeks compact wastewater treatment that can work over water."""),
doc("en-s04", "solution", "MY", ["water", "environment"], {"wastewater": 3},
 "Modular sewage treatment plants for dense neighbourhoods",
 """Our containerised sewage treatment plants use membrane bioreactors and fit on a small plot. Treated
 effluent meets discharge standards and can be reused for landscape irrigation. Plants are monitored
 remotely, so one operator can run several sites."""),
doc("en-c05", "challenge", "PH", ["transport"], {"traffic": 3, "transit": 1},
 "Severe traffic congestion on EDSA during rush hours",
 """Average speeds on EDSA fall below 15 km/h in the morning and evening peaks. Traffic signals at
 major intersections run on fixed timing plans that have not been updated for years. Metro Manila wants
 adaptive signal control and better data on where and why congestion builds up."""),
doc("en-s05", "solution", "KR", ["transport", "digital"], {"traffic": 3, "platform": 1},
 "AI adaptive traffic signal control",
 """Cameras at intersections count vehicles and pedestrians in every lane, and the controller adjusts
 green times every cycle. Corridors are coordinated so that platoons of cars meet green waves. In pilot
 corridors travel time fell by 12 percent and waiting at red lights by a quarter."""),
doc("en-c06", "challenge", "MY", ["transport"], {"transit": 3, "traffic": 1},
 "Low ridership on feeder buses to LRT stations in Kuala Lumpur",
 """Many commuters drive to work because feeder buses to LRT stations are infrequent and their arrival
 times are unpredictable. Bus stops lack shelter and timetables. The city wants real-time bus arrival
 information and a review of routes so that public transport becomes the first choice."""),
doc("en-s06", "solution", "KR", ["transport", "digital"], {"transit": 3},
 "Bus information system with real-time arrival displays",
 """GPS units on every bus feed a central system that predicts arrival times within one minute. Displays
 at stops and a mobile app show when the next bus comes and how crowded it is. The same data helps
 operators plan routes and headways."""),
doc("en-c07", "challenge", "SG", ["transport"], {"parking": 3, "traffic": 1},
 "Drivers circling for parking in the central business district",
 """In the central business district drivers spend up to fifteen minutes searching for a parking space,
 adding to congestion and emissions. Car park occupancy data is scattered across private operators. The
 authority wants a single guidance system that shows available lots before drivers leave home."""),
doc("en-s07", "solution", "KR", ["transport", "digital"], {"parking": 3},
 "Smart parking with space sensors and app payment",
 """Magnetic sensors in each parking bay detect whether it is occupied. Drivers see free spaces on a map,
 navigate to them and pay in the app; enforcement officers are alerted to overstays. On-street parking
 turnover rose by 30 percent in Korean pilot districts."""),
doc("en-c08", "challenge", "PH", ["environment"], {"waste": 3},
 "Overflowing dumpsite and irregular garbage collection in Davao",
 """The city's sanitary landfill is close to capacity and garbage trucks skip some barangays for several
 days. Residents burn waste or throw it into creeks. Davao needs route planning for collection trucks,
 segregation at source and more recycling of plastics."""),
doc("en-s08", "solution", "KR", ["environment", "digital"], {"waste": 3},
 "Fill-level sensors for bins and optimised collection routes",
 """Sensors inside public bins measure how full they are and send the level to the cloud. Collection
 routes are planned each morning to empty only full bins, which saves fuel and keeps streets clean. Solar
 compacting bins hold five times more rubbish."""),
doc("en-c09", "challenge", "TH", ["environment", "health"], {"air": 3, "health": 1, "warning": 1},
 "PM2.5 haze in Chiang Mai during the burning season",
 """From February to April smoke from forest fires and crop burning pushes PM2.5 levels in Chiang Mai far
 above safe limits. Hospitals report more respiratory illness. The city wants a dense network of low-cost
 air quality monitors and warnings that reach schools and vulnerable people."""),
doc("en-s09", "solution", "KR", ["environment", "digital"], {"air": 3, "platform": 1, "warning": 1},
 "Low-cost air quality sensor network and public dashboard",
 """Our sensor stations measure PM2.5, PM10, ozone and nitrogen dioxide every minute and are calibrated
 against reference monitors. Data is published on an open dashboard and pushed to schools when air
 pollution exceeds thresholds."""),
doc("en-c10", "challenge", "VN", ["energy"], {"energy": 3},
 "Rising electricity demand of public buildings in Da Nang",
 """Electricity use in Da Nang's public buildings grows by about eight percent a year, mostly for air
 conditioning. Bills strain city budgets. The city wants to install rooftop solar panels on schools and
 offices and to monitor energy consumption building by building."""),
doc("en-s10", "solution", "SG", ["energy", "digital"], {"energy": 3, "platform": 1},
 "Rooftop solar with a building energy management system",
 """We finance, install and operate rooftop solar photovoltaic systems under a power purchase agreement,
 so the owner pays only for the electricity produced. A building energy management system tunes chillers
 and lighting, cutting consumption by 15 to 20 percent."""),
doc("en-c11", "challenge", "ID", ["energy", "safety"], {"lighting": 3, "cctv": 1, "energy": 1},
 "Dark streets and broken street lights in Surabaya's outer districts",
 """Many street lights in the outer districts are broken or switched off to save money, and residents,
 especially women, avoid walking after dark. Faults are reported by phone and take weeks to fix. The city
 is looking for efficient LED street lighting with remote fault detection."""),
doc("en-s11", "solution", "KR", ["energy", "digital"], {"lighting": 3, "energy": 2},
 "Smart LED street lighting with remote dimming",
 """Each LED luminaire has a controller that reports faults and energy use and can be dimmed late at
 night. Motion sensors brighten lights when pedestrians approach. Cities replacing sodium lamps save more
 than half of their street lighting energy."""),
doc("en-c12", "challenge", "PH", ["housing"], {"housing": 3, "flood": 1},
 "Informal settlers along waterways in Quezon City",
 """Thousands of families live in informal settlements along creeks and waterways, exposed to floods and
 eviction. The city must provide affordable housing close to jobs and schools and plan in-city relocation
 with the communities."""),
doc("en-s12", "solution", "KR", ["housing", "urban-development"], {"housing": 3},
 "Modular construction for affordable public housing",
 """Factory-built modules are assembled on site in weeks, cutting construction time of mid-rise public
 housing by 40 percent. Units are designed for hot and humid climates with natural ventilation. Korea's
 public housing agency has delivered more than 2,000 homes this way."""),
doc("en-c13", "challenge", "MY", ["safety"], {"cctv": 3},
 "Street crime around transit hubs in Johor Bahru",
 """Snatch thefts and break-ins are frequent near bus terminals and night markets. Existing CCTV cameras
 record only locally and footage is rarely checked in time. Police and the city council want a joint
 monitoring centre with video analytics."""),
doc("en-s13", "solution", "KR", ["safety", "digital"], {"cctv": 3, "platform": 1},
 "Integrated city operations centre with intelligent CCTV",
 """Our platform links thousands of CCTV cameras with police, fire and ambulance dispatch. Video analytics
 detect fights, loitering and vehicles of interest and alert operators, who can share live video with
 patrol cars. Over 100 Korean local governments run such centres."""),
doc("en-c14", "challenge", "VN", ["safety", "water"], {"warning": 3, "flood": 2},
 "Typhoon and storm surge warnings for coastal communes",
 """Typhoons hit the central coast almost every year, bringing storm surge and flooding. Warnings reach
 fishermen and coastal communes late, often through loudspeakers only. The province wants an early warning
 system that sends clear, local alerts to phones and sirens."""),
doc("en-s14", "solution", "KR", ["safety", "digital"], {"warning": 3, "flood": 1},
 "Multi-hazard early warning with cell broadcast and sirens",
 """The system collects weather, river and landslide sensor data and issues warnings through cell
 broadcast, sirens and village loudspeakers in local languages. Officials approve alerts from a web console
 or a phone."""),
doc("en-c15", "challenge", "ID", ["governance", "digital"], {"egov": 3},
 "Slow building permits and paper-based city services in Makassar",
 """Applying for a building permit in Makassar still requires several visits to different offices and
 paper forms. Applicants cannot see the status of their request. The city wants online one-stop
 services with e-signatures and tracking."""),
doc("en-s15", "solution", "KR", ["governance", "digital"], {"egov": 3},
 "Online one-stop civil service portal",
 """Citizens apply for certificates, permits and benefits online, pay fees electronically and follow
 each step. Back-office workflows route applications between departments automatically. Based on Korea's
 e-government experience, which ranks among the best in the world."""),
doc("en-c16", "challenge", "KH", ["health"], {"health": 3},
 "Limited access to doctors in rural districts near Battambang",
 """Health centres in rural districts have nurses but rarely a doctor, and patients travel hours to the
 provincial hospital. Medical records are on paper. The province wants telemedicine links between health
 centres and the referral hospital."""),
doc("en-s16", "solution", "KR", ["health", "digital"], {"health": 3},
 "Telemedicine kits and electronic medical records for clinics",
 """Our kit includes a tablet, a digital stethoscope, a blood pressure monitor and an ECG, so that a
 nurse can examine a patient while a doctor in the city joins by video. Records are stored in a cloud
 electronic medical record system."""),
doc("en-c17", "challenge", "KH", ["urban-development"], {"tourism": 3, "traffic": 1},
 "Managing visitor crowds at the Angkor temples and in Siem Reap",
 """Visitors concentrate at a few temples at sunrise, damaging sites and creating congestion on access
 roads. Hotels and guides lack data on visitor flows. Siem Reap wants to spread visitors over time and
 sites and to offer digital tickets and guides."""),
doc("en-s17", "solution", "KR", ["digital"], {"tourism": 3},
 "Smart tourism app with crowd levels and multilingual guides",
 """The app shows how crowded each attraction is, suggests quieter times and routes and offers audio
 guides in ten languages. Tourism offices see anonymised visitor flows to plan services."""),
doc("en-c18", "challenge", "TH", ["digital", "governance"], {"platform": 3},
 "City data scattered across departments in Phuket",
 """Traffic, tourism, water and energy data are held by separate agencies in incompatible formats.
 Phuket wants a city data platform that brings IoT sensor data together and supports decisions, with
 open data for businesses."""),
doc("en-s18", "solution", "KR", ["digital"], {"platform": 3, "flood": 1, "traffic": 1},
 "Digital twin platform for urban planning",
 """A 3D digital twin of the city integrates buildings, roads, utilities and live sensor data. Planners
 simulate floods, traffic and new developments before deciding. Open APIs let other agencies add their
 data."""),
doc("en-c19", "challenge", "ID", ["transport", "energy"], {"ev": 3, "air": 1},
 "Few charging points for electric motorcycles in Jakarta",
 """Jakarta wants to replace petrol motorcycles with electric ones to reduce air pollution, but riders
 worry about range and there are few charging stations. The city is looking for battery swapping stations
 and a plan for public chargers."""),
doc("en-s19", "solution", "KR", ["transport", "energy"], {"ev": 3},
 "Battery swapping stations for electric scooters",
 """Riders exchange an empty battery for a charged one in under a minute at unmanned stations. Stations
 charge batteries off-peak and report their status online. A subscription covers unlimited swaps."""),
doc("en-c20", "challenge", "SG", ["environment"], {"heat": 3, "energy": 1, "housing": 1},
 "Urban heat island in dense housing estates",
 """Temperatures in dense estates are several degrees higher than in green areas, and residents rely on
 air conditioning at night. The agency wants to map heat, plant more trees and use cool materials on
 roofs and pavements."""),
doc("en-s20", "solution", "KR", ["environment", "urban-development"], {"heat": 3},
 "Cool roofs, green walls and street trees against urban heat",
 """We survey surface temperatures with drones, then design cool roof coatings, green walls and shaded
 walkways for the hottest blocks. In Daegu, once Korea's hottest city, tree planting and cool pavements
 lowered summer street temperatures by up to 2 degrees."""),
]
