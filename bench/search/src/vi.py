from _corpus import doc

LANG = "vi"
DOCS = [
doc("vi-c01", "challenge", "VN", ["water", "safety"], {"flood": 3, "drainage": 2, "warning": 1, "traffic": 1},
 "Ngập lụt đô thị do triều cường tại TP. Hồ Chí Minh",
 """Mỗi khi triều cường kết hợp với mưa lớn, nhiều tuyến đường ở TP. Hồ Chí Minh bị ngập sâu 30–50 cm,
 xe máy chết máy và người dân phải lội nước về nhà. Thành phố cần hệ thống dự báo ngập lụt theo thời gian thực
 và bản đồ điểm ngập để điều tiết giao thông."""),
doc("vi-c02", "challenge", "VN", ["water"], {"drainage": 3, "flood": 2},
 "Hệ thống thoát nước quá tải ở nội thành Hà Nội",
 """Cống thoát nước ở các quận trung tâm Hà Nội được xây từ lâu, tiết diện nhỏ và thường bị bùn, rác làm tắc.
 Sau mỗi trận mưa lớn, nước không kịp thoát gây úng ngập cục bộ. Thành phố muốn giám sát mực nước trong cống
 và điều khiển các trạm bơm từ xa."""),
doc("vi-s01", "solution", "VN", ["water", "digital"], {"flood": 3, "warning": 2},
 "Cảm biến đo mức nước và cảnh báo ngập qua ứng dụng di động",
 """Cảm biến siêu âm lắp tại các điểm thường xuyên ngập đo mực nước mỗi phút và gửi dữ liệu qua mạng di động.
 Người dân xem bản đồ ngập trên ứng dụng và nhận cảnh báo trước khi ra đường; trung tâm điều hành nhận báo cáo
 tự động về tình trạng ngập lụt."""),
doc("vi-s02", "solution", "VN", ["water", "environment"], {"drainage": 3},
 "Nạo vét cống bằng robot và camera kiểm tra đường ống",
 """Robot gắn camera đi vào lòng cống để phát hiện vết nứt và điểm tắc, sau đó xe hút bùn làm sạch.
 Đơn vị quản lý nhận bản đồ hiện trạng hệ thống thoát nước để lập kế hoạch duy tu trước mùa mưa."""),
doc("vi-c03", "challenge", "VN", ["water"], {"water": 3},
 "Thất thoát nước sạch trên mạng lưới cấp nước Hải Phòng",
 """Tỷ lệ thất thoát nước sạch ở một số khu vực của Hải Phòng vẫn trên 20% do đường ống cũ bị rò rỉ và
 đồng hồ nước sai số. Nhiều hộ ở cuối mạng lưới bị yếu nước vào giờ cao điểm. Công ty cấp nước cần giải pháp
 phát hiện rò rỉ và đồng hồ nước thông minh."""),
doc("vi-s03", "solution", "KR", ["water", "digital"], {"water": 3},
 "Quản lý cấp nước thông minh: phát hiện rò rỉ và đọc đồng hồ từ xa",
 """Thiết bị cảm biến âm thanh gắn trên van nghe tiếng rò rỉ vào ban đêm và xác định vị trí ống bị vỡ.
 Đồng hồ nước thông minh gửi chỉ số hằng giờ, giúp công ty cấp nước giảm thất thoát và lập hóa đơn chính xác."""),
doc("vi-c04", "challenge", "VN", ["water", "environment"], {"wastewater": 3},
 "Nước thải sinh hoạt chưa qua xử lý đổ ra sông Tô Lịch",
 """Phần lớn nước thải sinh hoạt của các khu dân cư ven sông Tô Lịch vẫn xả thẳng ra sông, gây ô nhiễm
 và mùi hôi. Hà Nội cần mở rộng mạng lưới thu gom và xây dựng thêm nhà máy xử lý nước thải."""),
doc("vi-s04", "solution", "VN", ["water", "environment"], {"wastewater": 3},
 "Trạm xử lý nước thải phân tán dạng mô-đun",
 """Trạm xử lý nước thải dạng container sử dụng công nghệ màng sinh học, lắp đặt trên diện tích nhỏ.
 Nước sau xử lý đạt quy chuẩn xả thải và có thể tái sử dụng để tưới cây. Hệ thống được giám sát từ xa."""),
doc("vi-c05", "challenge", "VN", ["transport"], {"traffic": 3},
 "Ùn tắc giao thông giờ cao điểm tại các nút giao cửa ngõ Hà Nội",
 """Các nút giao cửa ngõ Hà Nội thường xuyên ùn tắc kéo dài vào giờ cao điểm sáng và chiều. Đèn tín hiệu
 giao thông vẫn chạy theo chu kỳ cố định. Thành phố cần hệ thống điều khiển đèn tín hiệu thích ứng và dữ liệu
 lưu lượng xe theo thời gian thực."""),
doc("vi-s05", "solution", "KR", ["transport", "digital"], {"traffic": 3},
 "Điều khiển đèn tín hiệu giao thông thông minh bằng trí tuệ nhân tạo",
 """Camera tại nút giao đếm xe máy, ô tô và người đi bộ theo từng làn, bộ điều khiển tự điều chỉnh thời gian
 đèn xanh mỗi chu kỳ. Các nút giao liên tiếp được phối hợp thành làn sóng xanh, giảm thời gian chờ và ùn tắc."""),
doc("vi-c06", "challenge", "VN", ["transport"], {"transit": 3},
 "Xe buýt thiếu thông tin và khó tiếp cận ở Đà Nẵng",
 """Người dân Đà Nẵng ít đi xe buýt vì tuyến thưa, không biết xe đến lúc nào và nhà chờ thiếu thông tin.
 Thành phố muốn xây dựng hệ thống thông tin xe buýt theo thời gian thực và thẻ vé điện tử để tăng tỷ lệ
 sử dụng giao thông công cộng."""),
doc("vi-s06", "solution", "VN", ["transport", "digital"], {"transit": 3},
 "Ứng dụng tra cứu xe buýt và vé điện tử",
 """Ứng dụng hiển thị vị trí xe buýt từ GPS, dự báo thời gian đến trạm và cho phép thanh toán vé bằng mã QR.
 Doanh nghiệp vận tải dùng cùng dữ liệu để điều chỉnh lịch chạy xe."""),
doc("vi-c07", "challenge", "VN", ["transport"], {"parking": 3, "traffic": 1},
 "Thiếu chỗ đỗ xe ô tô ở khu phố cổ",
 """Ô tô đỗ tràn lòng đường và vỉa hè ở khu phố cổ vì thiếu bãi đỗ xe, gây ùn tắc và mất mỹ quan.
 Các bãi giữ xe tư nhân không chia sẻ thông tin chỗ trống. Thành phố cần hệ thống hướng dẫn đỗ xe và thu phí
 đỗ xe qua ứng dụng."""),
doc("vi-s07", "solution", "VN", ["transport", "digital"], {"parking": 3},
 "Bãi đỗ xe thông minh với cảm biến chỗ trống và thanh toán không tiền mặt",
 """Cảm biến tại từng ô đỗ cho biết còn trống hay không; tài xế tìm chỗ đỗ trên bản đồ và thanh toán phí
 đỗ xe bằng ví điện tử. Lực lượng chức năng nhận cảnh báo khi xe đỗ quá giờ."""),
doc("vi-c08", "challenge", "VN", ["environment"], {"waste": 3},
 "Bãi chôn lấp rác quá tải ở Đà Nẵng",
 """Bãi rác Khánh Sơn gần đầy, lượng rác thải sinh hoạt tăng mỗi năm và việc phân loại rác tại nguồn còn
 hạn chế. Thành phố cần giảm rác chôn lấp, thúc đẩy tái chế và tối ưu lộ trình xe thu gom rác."""),
doc("vi-s08", "solution", "KR", ["environment", "digital"], {"waste": 3},
 "Thùng rác thông minh đo mức đầy và tối ưu tuyến thu gom",
 """Cảm biến trong thùng rác báo mức đầy về hệ thống, xe thu gom chỉ đến những điểm cần thu. Thùng rác
 nén chạy bằng năng lượng mặt trời chứa gấp năm lần thùng thường, giúp đường phố sạch hơn."""),
doc("vi-c09", "challenge", "VN", ["environment", "health"], {"air": 3, "health": 1, "warning": 1},
 "Ô nhiễm không khí và bụi mịn PM2.5 ở Hà Nội",
 """Vào mùa đông, chỉ số bụi mịn PM2.5 ở Hà Nội nhiều ngày vượt ngưỡng an toàn do khí thải xe máy, công
 trình xây dựng và đốt rơm rạ. Thành phố cần mạng lưới quan trắc chất lượng không khí dày hơn và cảnh báo
 cho trường học."""),
doc("vi-s09", "solution", "VN", ["environment", "digital"], {"air": 3, "warning": 1},
 "Mạng cảm biến quan trắc chất lượng không khí giá rẻ",
 """Trạm cảm biến nhỏ đo PM2.5, PM10 và khí NO2 mỗi phút, được hiệu chuẩn với trạm quan trắc chuẩn.
 Dữ liệu công khai trên bản đồ và gửi cảnh báo khi ô nhiễm không khí vượt ngưỡng."""),
doc("vi-c10", "challenge", "VN", ["energy"], {"energy": 3},
 "Chi phí điện năng cao ở các tòa nhà công sở Cần Thơ",
 """Điện năng tiêu thụ của trụ sở cơ quan và trường học tăng đều mỗi năm, chủ yếu do điều hòa không khí.
 Cần Thơ muốn lắp điện mặt trời mái nhà và theo dõi năng lượng tiêu thụ của từng tòa nhà."""),
doc("vi-s10", "solution", "VN", ["energy"], {"energy": 3},
 "Điện mặt trời áp mái theo mô hình không vốn đầu tư",
 """Chúng tôi đầu tư, lắp đặt và vận hành hệ thống điện mặt trời trên mái; chủ tòa nhà chỉ trả tiền điện
 theo sản lượng với giá thấp hơn giá lưới. Kèm theo hệ thống quản lý năng lượng tòa nhà."""),
doc("vi-c11", "challenge", "VN", ["energy", "safety"], {"lighting": 3},
 "Đèn đường hỏng và tốn điện ở các phường ngoại thành",
 """Nhiều đèn chiếu sáng công cộng ở các phường ngoại thành bị hỏng lâu ngày, đường tối gây mất an toàn.
 Việc báo hỏng vẫn qua điện thoại. Thành phố muốn thay đèn LED tiết kiệm điện và giám sát từ xa."""),
doc("vi-s11", "solution", "KR", ["energy", "digital"], {"lighting": 3, "energy": 1},
 "Hệ thống chiếu sáng đô thị thông minh bằng đèn LED",
 """Mỗi bộ đèn LED có bộ điều khiển báo lỗi và điện năng tiêu thụ, tự giảm độ sáng vào đêm khuya và sáng lên
 khi có người đi qua. Chi phí điện chiếu sáng công cộng giảm hơn một nửa."""),
doc("vi-c12", "challenge", "VN", ["housing"], {"housing": 3, "water": 1},
 "Thiếu nhà ở xã hội cho công nhân khu công nghiệp",
 """Hàng chục nghìn công nhân ở Bình Dương phải thuê phòng trọ chật chội, thiếu ánh sáng và nước sạch.
 Tỉnh cần phát triển nhà ở xã hội giá hợp lý gần khu công nghiệp."""),
doc("vi-s12", "solution", "KR", ["housing", "urban-development"], {"housing": 3},
 "Nhà ở lắp ghép mô-đun giá rẻ",
 """Các mô-đun nhà được sản xuất tại nhà máy và lắp ghép tại công trường, rút ngắn 40% thời gian xây dựng
 nhà ở xã hội. Thiết kế thông gió tự nhiên phù hợp khí hậu nóng ẩm."""),
doc("vi-c13", "challenge", "VN", ["safety"], {"cctv": 3},
 "Trộm cắp ở chợ đêm và bến xe",
 """Tình trạng giật đồ và trộm cắp diễn ra thường xuyên quanh chợ đêm và bến xe. Camera giám sát hiện có
 chỉ ghi hình cục bộ, không ai theo dõi trực tiếp. Công an và chính quyền muốn có trung tâm giám sát chung."""),
doc("vi-s13", "solution", "KR", ["safety", "digital"], {"cctv": 3, "platform": 1},
 "Trung tâm điều hành đô thị thông minh và camera AI",
 """Nền tảng kết nối hàng nghìn camera an ninh với lực lượng công an, cứu hỏa và cấp cứu. Phân tích video
 tự động phát hiện ẩu đả, người lảng vảng và phương tiện bị truy tìm rồi báo cho người trực."""),
doc("vi-c14", "challenge", "VN", ["safety", "water"], {"warning": 3, "flood": 2},
 "Cảnh báo sớm bão và lũ quét cho các xã miền núi Quảng Nam",
 """Bão và mưa lớn gây lũ quét, sạt lở đất ở các xã miền núi Quảng Nam gần như năm nào cũng xảy ra.
 Thông tin cảnh báo đến người dân muộn. Tỉnh cần hệ thống cảnh báo sớm thiên tai gửi tin nhắn và còi báo động."""),
doc("vi-s14", "solution", "VN", ["safety", "digital"], {"warning": 3},
 "Hệ thống cảnh báo thiên tai đa kênh",
 """Hệ thống thu thập dữ liệu mưa, mực nước sông và dịch chuyển đất, rồi phát cảnh báo qua tin nhắn quảng bá,
 loa truyền thanh xã và còi hú. Cán bộ phê duyệt cảnh báo trên web hoặc điện thoại."""),
doc("vi-c15", "challenge", "VN", ["governance", "digital"], {"egov": 3},
 "Thủ tục cấp phép xây dựng còn phức tạp và dùng hồ sơ giấy",
 """Người dân phải nộp nhiều bộ hồ sơ giấy và đến nhiều cơ quan để xin giấy phép xây dựng, không theo dõi
 được tiến độ. Thành phố muốn cung cấp dịch vụ công trực tuyến toàn trình với chữ ký số."""),
doc("vi-s15", "solution", "VN", ["governance", "digital"], {"egov": 3},
 "Cổng dịch vụ công trực tuyến cho chính quyền địa phương",
 """Người dân nộp hồ sơ, thanh toán lệ phí và tra cứu tình trạng xử lý trực tuyến. Cán bộ xử lý hồ sơ trên
 một hệ thống, giảm giấy tờ và thời gian chờ đợi."""),
doc("vi-c16", "challenge", "VN", ["health"], {"health": 3},
 "Người dân vùng sâu khó tiếp cận bác sĩ",
 """Trạm y tế xã ở vùng sâu thiếu bác sĩ, bệnh nhân phải đi hàng giờ đến bệnh viện tỉnh. Hồ sơ bệnh án
 vẫn ghi trên giấy. Sở Y tế muốn triển khai khám chữa bệnh từ xa kết nối trạm y tế với bệnh viện tuyến trên."""),
doc("vi-s16", "solution", "VN", ["health", "digital"], {"health": 3},
 "Nền tảng khám bệnh từ xa và bệnh án điện tử",
 """Bác sĩ tuyến trên hội chẩn qua video với trạm y tế xã; thiết bị đo huyết áp, đường huyết gửi kết quả
 tự động. Bệnh án điện tử dùng chung giữa các cơ sở y tế."""),
doc("vi-c17", "challenge", "VN", ["urban-development"], {"tourism": 3, "traffic": 1},
 "Quá tải du khách ở phố cổ Hội An",
 """Vào cuối tuần và mùa lễ hội, phố cổ Hội An đông nghẹt du khách, gây ùn tắc và xuống cấp di tích.
 Thành phố muốn phân luồng du khách, bán vé điện tử và cung cấp thông tin du lịch thông minh."""),
doc("vi-s17", "solution", "VN", ["digital"], {"tourism": 3},
 "Ứng dụng du lịch thông minh với thuyết minh đa ngôn ngữ",
 """Ứng dụng cho biết mức độ đông đúc tại từng điểm tham quan, gợi ý giờ và lộ trình vắng hơn, có thuyết minh
 tự động bằng nhiều ngôn ngữ và vé điện tử."""),
doc("vi-c18", "challenge", "VN", ["digital", "governance"], {"platform": 3},
 "Dữ liệu đô thị phân tán giữa các sở ngành",
 """Dữ liệu giao thông, cấp nước, môi trường và đất đai nằm ở nhiều sở ngành với định dạng khác nhau.
 Thành phố cần nền tảng dữ liệu đô thị dùng chung và trung tâm điều hành thông minh để ra quyết định."""),
doc("vi-s18", "solution", "KR", ["digital"], {"platform": 3, "flood": 1, "traffic": 1},
 "Nền tảng bản sao số (digital twin) cho quy hoạch đô thị",
 """Mô hình bản sao số 3D tích hợp công trình, đường sá, hạ tầng ngầm và dữ liệu cảm biến thời gian thực.
 Nhà quy hoạch mô phỏng ngập, giao thông và dự án mới trước khi quyết định."""),
doc("vi-c19", "challenge", "VN", ["transport", "energy"], {"ev": 3, "air": 1},
 "Thiếu trạm sạc cho xe máy điện và ô tô điện",
 """Thành phố khuyến khích người dân chuyển sang xe máy điện và ô tô điện để giảm khí thải, nhưng trạm sạc
 còn ít, nhất là ở chung cư. Cần quy hoạch trạm sạc công cộng và tiêu chuẩn an toàn cháy nổ."""),
doc("vi-c20", "challenge", "VN", ["environment"], {"heat": 3},
 "Nắng nóng và hiệu ứng đảo nhiệt đô thị",
 """Nhiệt độ ở khu trung tâm cao hơn vùng ven vài độ vì bê tông dày đặc và ít cây xanh. Thành phố muốn lập
 bản đồ nhiệt, trồng thêm cây xanh và dùng vật liệu phản xạ nhiệt cho mái nhà."""),
doc("vi-s19", "solution", "VN", ["transport", "energy"], {"ev": 3, "parking": 1},
 "Mạng lưới trạm sạc và đổi pin xe máy điện",
 """Người lái xe máy điện đổi pin hết lấy pin đầy trong chưa đầy một phút tại tủ đổi pin tự động. Trạm sạc
 nhanh cho ô tô điện đặt tại bãi đỗ xe công cộng, ứng dụng hiển thị trụ sạc còn trống."""),
doc("vi-s20", "solution", "VN", ["environment", "urban-development"], {"heat": 3},
 "Mái nhà xanh và tường cây chống nóng cho công trình công cộng",
 """Chúng tôi thiết kế mái xanh, tường cây và sơn phản xạ nhiệt cho trường học và trụ sở, giúp giảm nhiệt độ
 mái và giảm điện năng cho điều hòa. Kết hợp trồng cây xanh đường phố để giảm đảo nhiệt."""),
]
