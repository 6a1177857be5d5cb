using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace AlpacaConnect.Gql.GraphQL.Scalars;

/// <summary>
/// Money and quantities as decimal strings ("12.50"). JSON numbers would pass through doubles in
/// JavaScript clients and lose precision, so this scalar neither emits nor accepts them.
/// </summary>
internal sealed class DecimalStringGraphType : ScalarGraphType
{
    public DecimalStringGraphType()
    {
        Name = "DecimalString";
        Description = "A decimal number carried as a string to keep full precision, e.g. \"1234.5678\".";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => Parse(s.Value.ToString()) ?? ThrowLiteralConversionError(value),
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        string s => Parse(s) ?? ThrowValueConversionError(value),
        null => null,
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        null => null,
        _ => ThrowSerializationError(value),
    };

    private static decimal? Parse(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
}
