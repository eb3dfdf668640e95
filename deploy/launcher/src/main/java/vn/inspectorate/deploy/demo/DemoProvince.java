package vn.inspectorate.deploy.demo;

import java.util.List;

/**
 * One of the realm's demo provinces and the accounts that act for it. {@code receptionBody} is the citizen reception
 * office that receives and handles the demo cases: a body code only demo data uses, so its figures are the demo's own.
 */
record DemoProvince(String code, String name, String client, String inspector, String approver,
        String inspectorate, String receptionBody, String sourceSystem, String citizenIdPrefix, List<String> places) {

    static final DemoProvince HA_NOI = new DemoProvince("VN-HN", "Ha Noi", "province-hn", "inspector-hn",
            "chief-inspector-hn", "TTT-HN", "HN-TCD", "hn-tiep-cong-dan", "001",
            List.of("phường Hoàn Kiếm", "phường Ba Đình", "phường Cầu Giấy", "phường Long Biên", "xã Đông Anh",
                    "xã Sóc Sơn", "phường Hoàng Mai", "phường Tây Hồ"));

    /** Ninh Binh's inspectorate has no head with the approver claim in the demo realm: its plan waits for approval. */
    static final DemoProvince NINH_BINH = new DemoProvince("VN-18", "Ninh Binh", "province-nb", "inspector-nb",
            null, "TTT-NB", "NB-TCD", "nb-tiep-cong-dan", "037",
            List.of("phường Hoa Lư", "phường Tam Điệp", "xã Gia Viễn", "xã Kim Sơn", "xã Yên Mô", "xã Nho Quan"));
}
