using GraphQL.Types;

namespace AlpacaConnect.Gql.Activities;

/// <summary>The activity types Alpaca filters by (SPEC-2026 <c>ActivityType</c>, facts-more 2), for the <c>types</c> argument.</summary>
internal sealed class ActivityTypeGraphType : EnumerationGraphType
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["FILL"] = "Order fills and partial fills.",
        ["TRANS"] = "Cash transactions: CSD and CSW.",
        ["MISC"] = "Everything but TRANS, DIV and FILL.",
        ["CSD"] = "Cash deposit.",
        ["CSW"] = "Cash withdrawal.",
        ["JNLC"] = "Cash journal.",
        ["JNLS"] = "Stock journal.",
        ["JNL"] = "Journal.",
        ["DIV"] = "Dividend.",
        ["FEE"] = "Fee (regulatory, TAF, …).",
        ["CFEE"] = "Crypto fee.",
        ["INT"] = "Interest.",
        ["SPLIT"] = "Stock split.",
        ["MA"] = "Merger or acquisition.",
        ["SPIN"] = "Spin-off.",
        ["ACATC"] = "ACATS cash transfer.",
        ["ACATS"] = "ACATS securities transfer.",
        ["OPASN"] = "Option assignment.",
        ["OPEXP"] = "Option expiration.",
        ["OPEXC"] = "Option exercise.",
    };

    public ActivityTypeGraphType()
    {
        Name = "ActivityType";
        Description = "An Alpaca account activity type, to filter `activities` by. Activities read carry the type as a string, since Alpaca adds types.";
        foreach (var (name, description) in Descriptions)
        {
            Add(name, name, description);
        }
    }
}
