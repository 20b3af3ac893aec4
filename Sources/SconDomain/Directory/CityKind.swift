/// Why a city is in the directory.
public enum CityKind: String, Sendable, CaseIterable, Codable, Hashable {
    /// One of the 26 ASEAN Smart Cities Network pilot cities (2018).
    case ascnPilot = "ascn-pilot"
    /// Reported as joining the ASCN in 2024 (secondary source).
    case ascn2024 = "ascn-2024"
    /// A Korean metropolitan or special city.
    case koreaMetro = "korea-metro"
    /// One of Korea's two national pilot smart cities (2018).
    case koreaNationalPilot = "korea-national-pilot"
    case other
}
