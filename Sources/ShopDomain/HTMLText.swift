extension String {
    /// The text safe inside HTML element content and double-quoted attribute
    /// values (`&`, `<`, `>`, `"` escaped), for the engine's self-contained
    /// HTML pages (the shop-floor board, the what-if report).
    public var htmlEscaped: String {
        var out = ""
        out.reserveCapacity(count)
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
