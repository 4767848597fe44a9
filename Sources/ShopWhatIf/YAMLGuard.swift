import ShopDomain
import Yams

/// Checks a YAML what-if file before Yams sees it.
///
/// Yams builds its tree recursively, one stack frame chain per nesting
/// level, so a document nested thousands deep overflows the stack (a crash,
/// not an error); and aliases of aliases (a "billion laughs") stand for a
/// tree far larger than the text. So, before parsing:
///
/// 1. a scan of the text bounds how deep it can nest: block indentation,
///    compact entries (`- - x`) and flow brackets (`[`, `{`) together. The
///    scan errs on the side of counting too deep (a bracket in a comment or
///    a quoted string in a flow collection counts), never too shallow;
/// 2. anchors and aliases (`&name`, `*name`) are counted, every `&` or `*`
///    before a name, wherever it stands;
/// 3. the text is composed (now safe: bounded depth, and Yams shares an
///    alias's node rather than copying it); when it has aliases, its nodes
///    are counted as the decoder would see them, aliases expanded, with a
///    budget: the walk stops at the limit, however large the tree claims to be;
/// 4. the named variants and their edits are counted on the tree, so too many
///    are refused before the decoder, which is far slower, reads them.
enum YAMLGuard {
    static func check(_ text: String) throws(InputError) {
        let scan = scan(Array(text.utf8))
        if let line = scan.tooDeepAt {
            throw InputError([
                ValidationIssue(
                    path: "",
                    message:
                        "line \(line): nested deeper than \(WhatIfLimits.maxYAMLDepth) levels (indentation, '- ' entries and [ ] { } brackets together); a what-if file nests at most \(WhatIfLimits.maxYAMLDepth) deep"
                )
            ])
        }
        if scan.anchorsAndAliases > WhatIfLimits.maxYAMLAnchors {
            throw InputError([
                ValidationIssue(
                    path: "",
                    message:
                        "line \(scan.anchorLimitLine): more than \(WhatIfLimits.maxYAMLAnchors) anchors and aliases (&name, *name); a what-if file has at most \(WhatIfLimits.maxYAMLAnchors)"
                )
            ])
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw InputError([ValidationIssue(path: "", message: "not valid YAML: \(error)")])
        }
        guard let root else { return }
        if scan.aliases > 0, !within(root, nodes: WhatIfLimits.maxYAMLNodes, depth: WhatIfLimits.maxYAMLDepth * 4) {
            throw InputError([
                ValidationIssue(
                    path: "",
                    message:
                        "with its aliases expanded the document has more than \(WhatIfLimits.maxYAMLNodes) nodes or nests deeper than \(WhatIfLimits.maxYAMLDepth * 4); a what-if file stays within both"
                )
            ])
        }
        // Decoding is the slow part (figures: Benchmarks/README.md): too
        // many named variants or edits are refused from the tree, before it.
        let named = root["variants"]?.array() ?? []
        if named.count > WhatIfLimits.maxVariants {
            throw InputError([
                ValidationIssue(
                    path: "variants",
                    message: "\(named.count) named variants; a batch has at most \(WhatIfLimits.maxVariants) variants")
            ])
        }
        var edits = 0
        for (v, variant) in named.enumerated() {
            let count = variant["edits"]?.array().count ?? 0
            if count > WhatIfLimits.maxEditsPerVariant {
                throw InputError([
                    ValidationIssue(
                        path: "variants[\(v)].edits",
                        message: "\(count) edits; a variant has at most \(WhatIfLimits.maxEditsPerVariant)")
                ])
            }
            edits += count
        }
        if edits > WhatIfLimits.maxEditsPerBatch {
            throw InputError([
                ValidationIssue(
                    path: "variants",
                    message:
                        "the named variants have \(edits) edits together; a batch has at most \(WhatIfLimits.maxEditsPerBatch)"
                )
            ])
        }
    }

    struct Scan {
        /// The first line (1-based) where the depth passed the limit.
        var tooDeepAt: Int?
        var anchorsAndAliases = 0
        var aliases = 0
        var anchorLimitLine = 0
    }

    /// The scan of point 1 and 2; it stops at the first line too deep.
    static func scan(_ bytes: [UInt8]) -> Scan {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        let hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-"), question = UInt8(ascii: "?")
        let openSquare = UInt8(ascii: "["), openCurly = UInt8(ascii: "{"), closeSquare = UInt8(ascii: "]"),
            closeCurly = UInt8(ascii: "}")
        let comma = UInt8(ascii: ","), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
        let ampersand = UInt8(ascii: "&"), star = UInt8(ascii: "*"), bang = UInt8(ascii: "!")
        let pipe = UInt8(ascii: "|"), greater = UInt8(ascii: ">"), backslash = UInt8(ascii: "\\")
        func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }
        func isFlowIndicator(_ b: UInt8) -> Bool {
            b == openSquare || b == closeSquare || b == openCurly || b == closeCurly || b == comma
        }

        var result = Scan()
        var indents: [Int] = []  // block columns open above this line
        var flow = 0  // flow brackets open
        var quote: UInt8?  // a quoted scalar open (only where one surely starts)
        var blockScalarParent: Int?  // inside `|` or `>` text: the indent of its key's line
        var blockScalarIndent: Int?  // and of its first line of text
        var lineNumber = 0
        var start = 0
        while start < bytes.count, result.tooDeepAt == nil {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            var line = Array(bytes[start..<end])
            start = end + 1
            lineNumber += 1
            if line.last == cr { line.removeLast() }
            for (k, b) in line.enumerated()
            where (b == ampersand || b == star) && k + 1 < line.count
                && !isBlank(line[k + 1]) && !isFlowIndicator(line[k + 1])
            {
                result.anchorsAndAliases += 1
                if b == star { result.aliases += 1 }
                if result.anchorsAndAliases == WhatIfLimits.maxYAMLAnchors + 1 { result.anchorLimitLine = lineNumber }
            }
            var i = 0
            while i < line.count, line[i] == space { i += 1 }
            let indent = i
            if let parent = blockScalarParent {
                // The text of a block scalar: blank lines, and lines indented as its first one.
                if i == line.count { continue }
                if blockScalarIndent == nil, indent > parent { blockScalarIndent = indent }
                if let text = blockScalarIndent, indent >= text { continue }
                blockScalarParent = nil
                blockScalarIndent = nil
            }
            func tooDeep() -> Bool {
                if indents.count + flow > WhatIfLimits.maxYAMLDepth { result.tooDeepAt = lineNumber }
                return result.tooDeepAt != nil
            }
            var valueStart = true  // a node may start here (block context)
            var tokenStart = true  // a node may start here (flow context)
            if quote == nil && flow == 0 {
                if i == line.count || line[i] == hash { continue }
                while let last = indents.last, last >= indent { indents.removeLast() }
                indents.append(indent)
                // Compact entries: each `- `, `? ` or `: ` opens one more level.
                while i < line.count, line[i] == dash || line[i] == question || line[i] == colon,
                    i + 1 == line.count || isBlank(line[i + 1])
                {
                    i += 1
                    while i < line.count, isBlank(line[i]) { i += 1 }
                    indents.append(i)
                }
                if tooDeep() { break }
            }
            while i < line.count {
                let b = line[i]
                if let open = quote {
                    if open == doubleQuote && b == backslash { i += 2; continue }
                    if b == open {
                        if open == singleQuote, i + 1 < line.count, line[i + 1] == singleQuote { i += 2; continue }
                        quote = nil
                        valueStart = false
                        tokenStart = false
                        // A quoted key may take its `:` without a space (`"a":[1]`).
                        if i + 1 < line.count, line[i + 1] == colon { valueStart = true; tokenStart = true; i += 1 }
                    }
                    i += 1
                    continue
                }
                if b == hash, i == 0 || isBlank(line[i - 1]) { break }  // a comment
                if isBlank(b) { i += 1; continue }
                if flow > 0 {
                    switch b {
                    case openSquare, openCurly:
                        flow += 1
                        tokenStart = true
                        if tooDeep() { return result }
                    case closeSquare, closeCurly:
                        flow -= 1
                        tokenStart = false
                        if flow == 0 { valueStart = false }
                    case comma:
                        tokenStart = true
                    case colon:
                        tokenStart = true
                    case doubleQuote where tokenStart, singleQuote where tokenStart:
                        quote = b
                    case ampersand where tokenStart, bang where tokenStart:
                        // A node's properties: a node may still start after them.
                        while i + 1 < line.count, !isBlank(line[i + 1]), !isFlowIndicator(line[i + 1]) { i += 1 }
                    default:
                        tokenStart = false
                    }
                    i += 1
                    continue
                }
                // Block context.
                if valueStart {
                    switch b {
                    case openSquare, openCurly:
                        flow = 1
                        tokenStart = true
                        if tooDeep() { return result }
                    case doubleQuote, singleQuote:
                        quote = b
                    case ampersand, bang:
                        while i + 1 < line.count, !isBlank(line[i + 1]) { i += 1 }
                        i += 1
                        continue  // still where a node may start
                    case pipe, greater:
                        blockScalarParent = indents.last ?? indent
                        i = line.count
                        continue
                    default:
                        break
                    }
                    valueStart = false
                    i += 1
                    continue
                }
                // Inside a plain scalar or key: `: ` starts a value.
                if b == colon, i + 1 == line.count || isBlank(line[i + 1]) { valueStart = true }
                i += 1
            }
            // A quoted scalar is followed across lines only in a flow
            // collection; in block context a quote left open counts as closed,
            // so the next lines are scanned (too deep, never too shallow).
            if flow == 0 { quote = nil }
        }
        return result
    }

    /// `true` when `root`, aliases expanded, has at most `nodes` nodes and
    /// nests at most `depth` deep; an explicit stack, and it stops at the budget.
    static func within(_ root: Node, nodes: Int, depth: Int) -> Bool {
        var stack: [(Node, Int)] = [(root, 1)]
        var seen = 0
        while case (let node, let level)? = stack.popLast() {
            seen += 1
            if seen > nodes || level > depth { return false }
            if case .sequence(let sequence) = node {
                for child in sequence { stack.append((child, level + 1)) }
            } else if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    stack.append((key, level + 1))
                    stack.append((value, level + 1))
                }
            }
            if stack.count > nodes { return false }
        }
        return true
    }
}
