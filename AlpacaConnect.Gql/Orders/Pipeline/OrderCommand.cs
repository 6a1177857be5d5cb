using AlpacaConnect.Gql.Alpaca;
using AlpacaConnect.Gql.Connections;
using AlpacaConnect.Gql.GraphQL.Errors;

namespace AlpacaConnect.Gql.Orders.Pipeline;

/// <summary>
/// What one money-moving command brings to <see cref="OrderPipeline"/>: its order, its intent row and how it is sent.
/// Everything else (the connection, the asset, the guardrails, the reservation, sending once, settling) is the
/// pipeline's, the same for every command.
/// </summary>
internal abstract class OrderCommand
{
    public required string UserId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string Fingerprint { get; init; }

    /// <summary>
    /// The Alpaca account a batch this command belongs to was made at: the command is refused, before anything is
    /// reserved or sent, when the caller's connection points elsewhere by then. Null: the connected account.
    /// </summary>
    public (string? AccountId, AlpacaEnvironment Environment)? BoundTo { get; init; }

    public abstract OrderCommandKind Kind { get; }

    /// <summary>What ORDER_STATE_UNKNOWN tells the caller to do.</summary>
    public abstract string UnknownGuidance { get; }

    /// <summary>Whether Alpaca can be asked for the order by its client order id (a position close cannot).</summary>
    public virtual bool CanLookUp => true;

    /// <summary>The command's own checks that need no upstream call, run once the key is known to be new or unsettled.</summary>
    public virtual IReadOnlyList<PayloadError> Precheck() => [];

    /// <summary>
    /// Reads and checks what only this command needs, once the account is known (a close reads the position; a
    /// replace checks the order it replaces belongs to this account). Errors stop the command with nothing saved.
    /// </summary>
    public virtual Task<IReadOnlyList<PayloadError>> PrepareAsync(BoundConnection connection, IAlpacaTradingClient client, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PayloadError>>([]);

    /// <summary>The order as it would be sent; for an earlier attempt, as it was saved.</summary>
    public abstract OrderTicket Ticket();

    /// <summary>
    /// The orders' count and value this one takes the place of on <paramref name="day"/> (a replacement: the order it
    /// replaces, when that was placed the same day); nothing for others.
    /// </summary>
    public virtual (int Count, decimal Notional) Supersedes(string day) => (0, 0m);

    /// <summary>
    /// The intent row with what is the command's own (key, client order id, the order's terms); the pipeline stamps
    /// the id, the account, the asset class, the value, the reservation and the times.
    /// </summary>
    public abstract Order NewIntent();

    /// <summary>Sends the order once, as <see cref="OrderSubmission"/> does; never cancellable by the request.</summary>
    public abstract Task<SubmissionOutcome> SendAsync(IAlpacaTradingClient client, Order intent);

    /// <summary>Records what Alpaca answered onto the row.</summary>
    public virtual Task<Order> RecordAsync(OrderStore store, Order intent, SubmissionOutcome.Placed placed) =>
        store.ApplyAsync(intent.Id, placed.Order, placed.Source, CancellationToken.None);

    /// <summary>After Alpaca holds the order (a replace links the order it replaced).</summary>
    public virtual Task<Order> AcceptedAsync(IAlpacaTradingClient client, Order stored) => Task.FromResult(stored);

    /// <summary>The typed error for a failure that left nothing at Alpaca; null when it has none.</summary>
    public virtual PayloadError? Describe(AlpacaApiException error) => OrderErrorMapping.From(error);
}
