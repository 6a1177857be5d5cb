namespace AlpacaConnect.Gql.Alpaca.Models;

/// <summary><c>GET /v2/clock</c> (facts 2.10). Instants keep Alpaca's Eastern-time offset.</summary>
internal sealed record AlpacaClock(DateTimeOffset Timestamp, bool IsOpen, DateTimeOffset NextOpen, DateTimeOffset NextClose);
