package vn.inspectorate.complaints.rules;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The legal numbers a rule set carries; each is a row of {@code rule_value} per rule-set version. */
@Schema(name = "CaseRule")
public enum Rule {
    /** Days after learning of a decision within which a complaint may be filed. */
    COMPLAINT_FILING_LIMIT,
    /** Days after receipt to decide whether a complaint is accepted. */
    COMPLAINT_ACCEPTANCE,
    /** Days after acceptance to resolve a first-instance complaint (complex / remote variants). */
    COMPLAINT_FIRST_RESOLUTION,
    /** Days after the first-instance decision (or its missed deadline) to file the second complaint. */
    SECOND_COMPLAINT_WINDOW,
    /** Days after acceptance to resolve a second-instance complaint. */
    COMPLAINT_SECOND_RESOLUTION,
    /** Working days after accepting a denunciation to notify the denouncer. */
    DENUNCIATION_NOTIFY,
    /** Days after acceptance to resolve a denunciation. */
    DENUNCIATION_RESOLUTION,
    /** Days one extension of a denunciation adds. */
    DENUNCIATION_EXTENSION,
    /** How many extensions a denunciation may get. */
    DENUNCIATION_MAX_EXTENSIONS,
    /** From this many complainants a case is a mass case. */
    MASS_CASE_MIN_COMPLAINANTS,
    /** Receipt dates this many days apart or closer make two cases of the same person likely duplicates. */
    DUPLICATE_WINDOW,
    /** Share of common subject words (percent) from which two subjects count as similar. */
    DUPLICATE_SUBJECT_SIMILARITY_PERCENT
}
