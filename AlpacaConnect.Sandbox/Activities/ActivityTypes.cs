namespace AlpacaConnect.Sandbox.Activities;

/// <summary>SPEC-2026 <c>ActivityType</c> and its filter aliases (facts-more 2).</summary>
public static class ActivityTypes
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(
        ["FILL", "TRANS", "MISC", "ACATC", "ACATS", "CFEE", "CGD", "CSD", "CSW", "DIV", "DIVCGL", "DIVCGS", "DIVFEE", "DIVFT",
         "DIVNRA", "DIVROC", "DIVTW", "DIVTXEX", "FEE", "INT", "INTNRA", "INTTW", "JNL", "JNLC", "JNLS", "MA", "NC", "OPASN",
         "OPCA", "OPCSH", "OPEXC", "OPEXP", "OPTRD", "PTC", "PTR", "REORG", "SPIN", "SPLIT", "FOPT"],
        StringComparer.Ordinal);

    /// <summary>Whether an activity of <paramref name="type"/> passes a filter: TRANS is CSD and CSW, MISC everything but TRANS, DIV and FILL.</summary>
    public static bool Matches(string type, IReadOnlyCollection<string> filter) =>
        filter.Contains(type)
        || (filter.Contains("TRANS") && type is "CSD" or "CSW")
        || (filter.Contains("MISC") && type is not ("CSD" or "CSW" or "DIV" or "FILL"));
}
