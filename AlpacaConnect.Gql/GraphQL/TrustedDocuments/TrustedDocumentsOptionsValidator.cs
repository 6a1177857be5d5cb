using Microsoft.Extensions.Options;

namespace AlpacaConnect.Gql.GraphQL.TrustedDocuments;

/// <summary>A manifest that is missing or does not verify stops the server at start, not at the first request.</summary>
internal sealed class TrustedDocumentsOptionsValidator : IValidateOptions<TrustedDocumentsOptions>
{
    public ValidateOptionsResult Validate(string? name, TrustedDocumentsOptions options)
    {
        var (_, error) = TrustedManifest.Load(options);
        return error is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{TrustedDocumentsOptions.Section}:ManifestPath: the trusted documents manifest cannot be used: {error}");
    }
}
