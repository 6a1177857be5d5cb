using AlpacaConnect.Gql.Alpaca.Models;

namespace AlpacaConnect.Gql.Positions;

/// <summary>A position as read, with the Alpaca account holding it (its <c>id</c> is made from both).</summary>
internal sealed record HeldPosition(AlpacaPosition Alpaca, string Holder)
{
    /// <summary>
    /// Stable while the account holds the symbol, and the same whichever way the symbol was asked for: Alpaca's position
    /// symbol without the crypto slash, upper case. Not the asset id: a crypto position's can differ from its pair's
    /// (facts-more 3.3). Opaque to clients; decision 0035.
    /// </summary>
    public string Id => $"{Holder}:{PositionSymbol.Normalize(Alpaca.Symbol).ToUpperInvariant()}";
}
