namespace AlpacaConnect.Sandbox.Trading;

/// <summary>The scope an endpoint's writes need instead of <c>trading</c> (watchlists need <c>account:write</c>).</summary>
internal sealed record RequiredScope(string Scope);
