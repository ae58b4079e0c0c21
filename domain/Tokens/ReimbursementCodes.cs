namespace GenomDE.Orleans.Domain.Tokens;

/// <summary>Stable codes of the reasons a claim or one of its tokens is refused. Never rename or reuse a code.</summary>
public static class ReimbursementCodes
{
    // The claim as a whole.
    public const string InvalidPayerIk = "invalid_payer_ik";
    public const string NoTokens = "no_tokens";
    public const string TokensOfDifferentCases = "tokens_of_different_cases";
    public const string CaseAlreadyReimbursed = "case_already_reimbursed";
    public const string NoBillableToken = "no_billable_token";
    public const string MissingClinicalToken = "missing_clinical_token";
    public const string MissingGenomicToken = "missing_genomic_token";
    public const string DuplicateDataCategory = "duplicate_data_category";

    // One token, on its own.
    public const string MalformedToken = "malformed_token";
    public const string HashMismatch = "hash_mismatch";
    public const string UnknownToken = "unknown_token";
    public const string TokenAltered = "token_altered";
    public const string TokenRevoked = "token_revoked";
    public const string TokenRedeemed = "token_redeemed";
    public const string TokenClaimedByOtherPayer = "token_claimed_by_other_payer";
    public const string TestToken = "test_token";
    public const string TokenNotBillable = "token_not_billable";
    public const string DuplicateToken = "duplicate_token";
    public const string PayerCategoryMismatch = "payer_category_mismatch";
}
