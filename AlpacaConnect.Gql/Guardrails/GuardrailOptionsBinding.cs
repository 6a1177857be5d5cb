namespace AlpacaConnect.Gql.Guardrails;

/// <summary>
/// Binds <see cref="GuardrailOptions"/>. The configuration binder adds a configured list's items to the list a
/// property starts with, so <c>AllowedOrderTypes:0=Limit</c> alone would still allow every default type: a
/// restriction that silently restricts nothing. A list the configuration sets therefore replaces the default.
/// </summary>
internal static class GuardrailOptionsBinding
{
    public static void Bind(IConfigurationSection section, GuardrailOptions options)
    {
        section.Bind(options);
        options.AllowedOrderTypes = Configured(section, nameof(GuardrailOptions.AllowedOrderTypes), options.AllowedOrderTypes);
        options.AllowedTimeInForce = Configured(section, nameof(GuardrailOptions.AllowedTimeInForce), options.AllowedTimeInForce);
        options.AllowedSymbols = Configured(section, nameof(GuardrailOptions.AllowedSymbols), options.AllowedSymbols);
        options.DeniedSymbols = Configured(section, nameof(GuardrailOptions.DeniedSymbols), options.DeniedSymbols);
        // Written as the schema writes them (US_OPTION) or as the enum does (UsOption).
        options.AllowedAssetClasses = Configured(section, nameof(GuardrailOptions.AllowedAssetClasses), options.AllowedAssetClasses.Select(c => c.ToString()).ToList())
            .Select(name => Enum.TryParse<Trading.AssetClass>(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed : Trading.AssetClass.Unknown)
            .Where(c => c != Trading.AssetClass.Unknown)
            .Distinct()
            .ToList();
    }

    private static List<T> Configured<T>(IConfigurationSection section, string key, List<T> bound) =>
        section.GetSection(key).GetChildren().Any() ? section.GetSection(key).Get<List<T>>() ?? [] : bound;
}
