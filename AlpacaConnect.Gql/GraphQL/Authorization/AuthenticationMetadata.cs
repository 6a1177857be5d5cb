using GraphQL.Builders;
using GraphQL.Types;

namespace AlpacaConnect.Gql.GraphQL.Authorization;

/// <summary>Marks fields that only an authenticated app user may select.</summary>
internal static class AuthenticationMetadata
{
    internal const string Key = "AlpacaConnect.RequiresAuthentication";

    public static FieldBuilder<TSource, TReturn> RequireAuthentication<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder)
    {
        builder.FieldType.Metadata[Key] = true;
        return builder;
    }

    public static FieldType RequireAuthentication(this FieldType field)
    {
        field.Metadata[Key] = true;
        return field;
    }

    internal static bool RequiresAuthentication(this IFieldType field) =>
        field.Metadata.TryGetValue(Key, out var value) && value is true;
}
