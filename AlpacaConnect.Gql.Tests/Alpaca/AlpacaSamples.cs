namespace AlpacaConnect.Gql.Tests.Alpaca;

/// <summary>Alpaca's JSON as the facts file quotes it (alpaca-api-facts.md sections 2 and 5).</summary>
public static class AlpacaSamples
{
    public const string Account = """
        {"id":"1d9eed04-be39-4e01-9b84-a48ac5bbafcf","admin_configurations":{},"user_configurations":null,
         "account_number":"PALPACA_123","status":"ACTIVE","crypto_status":"ACTIVE","currency":"USD",
         "buying_power":"245432.61","regt_buying_power":"245432.61","daytrading_buying_power":"0",
         "options_buying_power":"122716.305","effective_buying_power":"245432.61","non_marginable_buying_power":"122086.5",
         "bod_dtbp":0,"cash":"122086.5","accrued_fees":"0","pending_transfer_in":"0","portfolio_value":"123346.11",
         "pattern_day_trader":true,"trading_blocked":false,"transfers_blocked":false,"account_blocked":false,
         "created_at":"2023-01-01T18:20:20.272275Z","trade_suspended_by_user":false,"multiplier":"2",
         "shorting_enabled":true,"equity":"123346.11","last_equity":"122011.09751111286868",
         "long_market_value":"1259.61","short_market_value":"0","position_market_value":"1259.61",
         "initial_margin":"629.8","maintenance_margin":"377.88","last_maintenance_margin":"480.73",
         "sma":"123369.74","daytrade_count":0,"balance_asof":"2023-09-27","crypto_tier":1,
         "options_trading_level":2,"intraday_adjustments":"0","pending_reg_taf_fees":"0"}
        """;

    public const string OrderId = "7b08df51-c1ac-453c-99f9-323a5f075f0d";

    public const string Order = """
        {"id":"7b08df51-c1ac-453c-99f9-323a5f075f0d","client_order_id":"5680c4bc-9ac1-4a12-a44c-df427ba53032",
         "created_at":"2023-12-12T22:31:24.668464435Z","updated_at":"2023-12-12T22:31:24.670000000Z","submitted_at":"2023-12-12T22:31:24.577215743Z",
         "filled_at":null,"expired_at":null,"canceled_at":null,"failed_at":null,"replaced_at":null,"replaced_by":null,"replaces":null,
         "asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","symbol":"AAPL","asset_class":"us_equity",
         "notional":null,"qty":"2","filled_qty":"0","filled_avg_price":null,"order_class":"","order_type":"limit","type":"limit",
         "side":"buy","time_in_force":"gtc","limit_price":"150","stop_price":null,"status":"accepted","extended_hours":false,
         "legs":null,"trail_percent":null,"trail_price":null,"hwm":null,"subtag":null,"source":null}
        """;

    public const string Position = """
        {"asset_id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","symbol":"AAPL","exchange":"NASDAQ","asset_class":"us_equity",
         "asset_marginable":false,"qty":"2","qty_available":"2","avg_entry_price":"174.78","side":"long",
         "market_value":"348.58","cost_basis":"349.56","unrealized_pl":"-0.98","unrealized_plpc":"-0.0028035244307129",
         "unrealized_intraday_pl":"-0.98","unrealized_intraday_plpc":"-0.0028035244307129","current_price":"174.29",
         "lastday_price":"174.61","change_today":"-0.0018326556325525"}
        """;

    public const string Clock = """
        {"timestamp":"2022-04-28T14:07:04.451420928-04:00","is_open":true,"next_open":"2022-04-29T09:30:00-04:00","next_close":"2022-04-28T16:00:00-04:00"}
        """;

    public const string Asset = """
        {"id":"b0b6dd9d-8b9b-48a9-ba46-b9d54906e415","class":"us_equity","exchange":"NASDAQ","symbol":"AAPL",
         "name":"Apple Inc. Common Stock","status":"active","tradable":true,"marginable":true,"shortable":true,
         "easy_to_borrow":true,"fractionable":true}
        """;

    public const string LatestQuote = """
        {"symbol":"AAPL","quote":{"t":"2022-04-12T17:16:36.390749849Z","ax":"V","ap":170.34,"as":1,"bx":"V","bp":165.5,"bs":1,"c":["R"],"z":"C"}}
        """;

    public const string LatestTrade = """
        {"symbol":"AAPL","trade":{"t":"2022-04-12T17:16:36.390749849Z","x":"V","p":166.81,"s":300,"c":["@"],"i":10503,"z":"C"}}
        """;

    public static string OrderWith(string field, string jsonValue) =>
        Order.Replace($"\"{field}\":", $"\"{field}\":{jsonValue},\"ignored_{field}\":", StringComparison.Ordinal);
}
