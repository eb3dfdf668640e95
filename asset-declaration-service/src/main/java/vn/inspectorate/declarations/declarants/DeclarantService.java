package vn.inspectorate.declarations.declarants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.inspectorate.contracts.TimeOrderedIds;
import vn.inspectorate.declarations.access.DeclarationAccess;
import vn.inspectorate.declarations.accesslog.AccessLog;
import vn.inspectorate.declarations.declarants.DeclarantApi.DeclarantDetail;
import vn.inspectorate.declarations.declarants.DeclarantApi.DeclarantSummary;
import vn.inspectorate.declarations.declarants.DeclarantApi.FamilyMemberDetail;
import vn.inspectorate.declarations.declarants.DeclarantApi.FamilyMemberInput;
import vn.inspectorate.declarations.declarants.DeclarantApi.FamilyMemberRef;
import vn.inspectorate.declarations.declarants.DeclarantApi.RegisterDeclarant;
import vn.inspectorate.declarations.identity.IdentityCipher;
import vn.inspectorate.declarations.language.Refusals;
import vn.inspectorate.declarations.transfers.TransferStore;
import vn.inspectorate.declarations.units.AdministrativeUnits;
import vn.inspectorate.platform.naturalkey.NaturalKeyMatch;
import vn.inspectorate.platform.naturalkey.Written;
import vn.inspectorate.platform.paging.Page;
import vn.inspectorate.platform.paging.PageRequest;
import vn.inspectorate.platform.security.CallerScope;
import vn.inspectorate.platform.time.VietnamTime;

@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeclarantService {

    private final IdentityCipher cipher;
    private final DeclarationAccess access;
    private final DeclarantStore store;

    private final AdministrativeUnits units;
    private final CallerScope caller;
    private final AccessLog accessLog;
    private final TransferStore transfers;

    DeclarantService(IdentityCipher cipher, DeclarationAccess access, DeclarantStore store, AdministrativeUnits units,
            CallerScope caller, AccessLog accessLog, TransferStore transfers) {
        this.accessLog = accessLog;
        this.transfers = transfers;
        this.units = units;
        this.caller = caller;
        this.cipher = cipher;
        this.access = access;
        this.store = store;
    }

    public Written<DeclarantSummary> register(RegisterDeclarant in) {
        if (!access.mayFile(in.agencyCode(), in.provinceCode())) {
            throw Refusals.forbidden("declarant.forbidden.register");
        }
        String hash = cipher.blindIndex(in.citizenId());
        store.lockRegistration(in.agencyCode(), hash);
        Optional<Declarant> existing = store.byCitizenId(in.agencyCode(), hash);
        if (existing.isPresent()) {
            Declarant d = existing.get();
            Refusals.requireSame(registeredAlike(d, in), "natural-key.what.declarant", "natural-key.key.declarant",
                    d.id);
            return Written.existing(summary(d));
        }
        // a declarant is registered where they serve now: a province in force today (Vietnam's date)
        units.requireInForce(in.provinceCode(), VietnamTime.today(), "provinceCode",
                "declarant.province-in-force");
        Declarant d = new Declarant();
        d.id = TimeOrderedIds.next();
        d.agencyCode = in.agencyCode();
        d.provinceCode = in.provinceCode();
        d.position = in.position();
        d.rank = in.rank();
        d.annualRequired = in.annualDeclarationRequired();
        d.appointedOn = in.appointedOn();
        d.fullNameEnc = cipher.encrypt(in.fullName());
        d.citizenIdEnc = cipher.encrypt(in.citizenId());
        d.addressEnc = cipher.encrypt(in.address());
        d.citizenIdHash = hash;
        d.createdBy = caller.subject();
        d.persist();
        if (in.familyMembers() != null) {
            for (var f : in.familyMembers()) {
                FamilyMember m = new FamilyMember();
                m.id = TimeOrderedIds.next();
                m.declarantId = d.id;
                m.relation = f.relation();
                m.fullNameEnc = cipher.encrypt(f.fullName());
                m.citizenIdEnc = cipher.encrypt(f.citizenId());
                m.persist();
            }
        }
        store.flush();
        // another agency holding the person learns nothing from this answer; central controllers see the pending move
        transfers.detect(d.id, d.agencyCode, hash);
        return Written.created(summary(d));
    }

    /** Compares a registration with the declarant it repeats, personal fields decrypted inside the service. */
    private NaturalKeyMatch registeredAlike(Declarant d, RegisterDeclarant in) {
        Comparator<FamilyMemberInput> order = Comparator.comparing((FamilyMemberInput f) -> f.relation())
                .thenComparing(FamilyMemberInput::fullName)
                .thenComparing(f -> f.citizenId() == null ? "" : f.citizenId());
        List<FamilyMemberInput> requested = in.familyMembers() == null ? List.of()
                : in.familyMembers().stream().sorted(order).toList();
        List<FamilyMemberInput> stored = FamilyMember.of(d.id).stream().map(m -> new FamilyMemberInput(m.relation,
                cipher.decrypt(m.fullNameEnc), cipher.decrypt(m.citizenIdEnc))).sorted(order).toList();
        return NaturalKeyMatch.compare()
                .field("provinceCode", in.provinceCode(), d.provinceCode)
                .field("position", in.position(), d.position)
                .field("rank", in.rank(), d.rank)
                .field("annualDeclarationRequired", in.annualDeclarationRequired(), d.annualRequired)
                .field("appointedOn", in.appointedOn(), d.appointedOn)
                .field("fullName", in.fullName(), cipher.decrypt(d.fullNameEnc))
                .field("address", in.address(), cipher.decrypt(d.addressEnc))
                .field("familyMembers", requested, stored);
    }

    /** The declarant if the caller may see it at all, else not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Declarant visible(UUID id) {
        Declarant d = store.findById(id);
        if (d == null || !access.maySeeSummary(d.agencyCode, d.provinceCode)) {
            throw Refusals.notFound("what.declarant", id);
        }
        return d;
    }

    /**
     * The detail for a controller of the declarant who states a purpose, recorded in the access log with the read;
     * the summary otherwise.
     */
    public Object read(UUID id, Optional<String> purpose) {
        Declarant d = visible(id);
        if (purpose.isEmpty() || !access.mayControl(d.agencyCode, d.provinceCode)) {
            return summary(d);
        }
        accessLog.recordIdentityRead(d.id, caller.subject(), access.detailRole(), purpose.get());
        return detail(d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeclarantSummary> list(String agency, String province, PageRequest page) {
        Page<Declarant> found = store.search(agency, province, access, page);
        return new Page<>(found.items().stream().filter(d -> access.maySeeSummary(d.agencyCode, d.provinceCode))
                .map(this::summary).toList(), found.size(), found.next(), found.total());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeclarantSummary summary(Declarant d) {
        return new DeclarantSummary(d.id, d.agencyCode, d.provinceCode, d.position, d.rank, d.annualRequired,
                d.appointedOn, FamilyMember.of(d.id).stream().map(m -> new FamilyMemberRef(m.id, m.relation)).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeclarantDetail detail(Declarant d) {
        return new DeclarantDetail(d.id, d.agencyCode, d.provinceCode, d.position, d.rank, d.annualRequired,
                d.appointedOn, cipher.decrypt(d.fullNameEnc), cipher.decrypt(d.citizenIdEnc), cipher.decrypt(d.addressEnc),
                FamilyMember.of(d.id).stream().map(m -> new FamilyMemberDetail(m.id, m.relation,
                        cipher.decrypt(m.fullNameEnc), cipher.decrypt(m.citizenIdEnc))).toList());
    }
}
