import Foundation

/// The report's charts as inline SVG, written by our code: no chart library, no script needed
/// to draw them. Each returns one `<svg>` element with a `<title>` for screen readers.
enum SVGChart {
    /// One bar of a bar chart.
    struct Bar {
        var label: String
        var value: Double
        var note: String = ""
        var highlight = false
    }

    /// Horizontal bars, one per row, scaled to the largest value.
    static func bars(_ bars: [Bar], title: String, width: Int = 640, format: (Double) -> String = { count($0) }) -> String {
        let rowHeight = 22, labelWidth = 230, valueWidth = 120
        let height = max(1, bars.count) * rowHeight + 8
        let top = bars.map(\.value).max() ?? 0
        let span = Double(width - labelWidth - valueWidth)
        var s = svgOpen(width: width, height: height, title: title, kind: "bars")
        for (i, bar) in bars.enumerated() {
            let y = 4 + i * rowHeight
            let w = top > 0 ? max(bar.value > 0 ? 1 : 0, span * bar.value / top) : 0
            s += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.label))</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(f(w))\" height=\"\(rowHeight - 8)\" class=\"\(bar.highlight ? "bar hi" : "bar")\"/>"
            s += "<text x=\"\(labelWidth + Int(w) + 6)\" y=\"\(y + 15)\">\(escape(format(bar.value)))\(bar.note.isEmpty ? "" : " " + escape(bar.note))</text>"
        }
        return s + "</svg>"
    }

    /// The match-weight histogram of the candidate pairs (log scale), each bar split into the
    /// expected matches and non-matches, with the threshold and the review band drawn.
    static func histogram(_ profile: CandidateProfile, threshold: Double, reviewThreshold: Double, title: String,
                          labels: (weight: String, pairs: String, threshold: String, review: String)) -> String {
        let used = profile.histogram.indices.filter { profile.histogram[$0].pairs > 0 }
        guard let first = used.first, let last = used.last else { return svgOpen(width: 10, height: 10, title: title, kind: "histogram") + "</svg>" }
        let width = 760, height = 300, left = 60, right = 20, top = 20, bottom = 50
        let plotW = Double(width - left - right), plotH = Double(height - top - bottom)
        let lo = profile.lowestWeight + Double(first) * profile.binWidth
        let hi = profile.lowestWeight + Double(last + 1) * profile.binWidth
        let maxCount = Double(used.map { profile.histogram[$0].pairs }.max() ?? 1)
        let logMax = log10(maxCount + 1)
        func x(_ w: Double) -> Double { Double(left) + plotW * (w - lo) / (hi - lo) }
        func y(_ n: Double) -> Double { Double(top) + plotH * (1 - log10(n + 1) / logMax) }
        func weight(_ p: Double) -> Double { log2(p / (1 - p)) }
        var s = svgOpen(width: width, height: height, title: title, kind: "histogram")
        let tw = weight(threshold), rw = weight(reviewThreshold)
        if rw < tw {
            s += "<rect class=\"band\" x=\"\(f(x(max(lo, rw))))\" y=\"\(top)\" width=\"\(f(max(0, x(min(hi, tw)) - x(max(lo, rw)))))\" height=\"\(f(plotH))\"/>"
        }
        let barW = plotW / Double(last - first + 1)
        for i in first ... last {
            let t = profile.histogram[i]
            guard t.pairs > 0 else { continue }
            let bx = x(profile.lowestWeight + Double(i) * profile.binWidth)
            let total = Double(t.pairs), matches = t.expectedMatches
            let yTotal = y(total)
            // The bar's height is log-scaled; the share of expected matches splits it linearly.
            let h = Double(top) + plotH - yTotal
            let hm = total > 0 ? h * matches / total : 0
            s += "<rect class=\"nonmatch\" x=\"\(f(bx))\" y=\"\(f(yTotal))\" width=\"\(f(max(1, barW - 1)))\" height=\"\(f(h - hm))\"><title>\(f(profile.lowestWeight + Double(i) * profile.binWidth)): \(t.pairs)</title></rect>"
            if hm > 0 {
                s += "<rect class=\"match\" x=\"\(f(bx))\" y=\"\(f(yTotal + h - hm))\" width=\"\(f(max(1, barW - 1)))\" height=\"\(f(hm))\"/>"
            }
        }
        // Axes and ticks.
        s += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(f(Double(top) + plotH))\" x2=\"\(width - right)\" y2=\"\(f(Double(top) + plotH))\"/>"
        let step = (hi - lo) > 60 ? 10.0 : 5.0
        var tick = (lo / step).rounded(.up) * step
        while tick <= hi {
            s += "<text class=\"tick\" x=\"\(f(x(tick)))\" y=\"\(f(Double(top) + plotH + 16))\" text-anchor=\"middle\">\(f(tick))</text>"
            tick += step
        }
        var n = 1.0
        while n <= maxCount {
            s += "<text class=\"tick\" x=\"\(left - 6)\" y=\"\(f(y(n) + 4))\" text-anchor=\"end\">\(count(n))</text>"
            n *= 10
        }
        if tw > lo && tw < hi {
            s += "<line class=\"threshold\" x1=\"\(f(x(tw)))\" y1=\"\(top)\" x2=\"\(f(x(tw)))\" y2=\"\(f(Double(top) + plotH))\"/>"
            s += "<text class=\"tick\" x=\"\(f(x(tw) + 4))\" y=\"\(top + 12)\">\(escape(labels.threshold)) \(f(threshold))</text>"
        }
        if rw < tw && rw > lo {
            s += "<text class=\"tick\" x=\"\(f(x(rw) - 4))\" y=\"\(top + 26)\" text-anchor=\"end\">\(escape(labels.review))</text>"
        }
        s += "<text x=\"\(left + Int(plotW / 2))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(escape(labels.weight))</text>"
        s += "<text x=\"14\" y=\"\(top + Int(plotH / 2))\" transform=\"rotate(-90 14 \(top + Int(plotH / 2)))\" text-anchor=\"middle\">\(escape(labels.pairs))</text>"
        return s + "</svg>"
    }

    /// A comparison's levels: m and u as bars (0 to 1) and the weight log2(m/u) as a signed bar.
    static func levels(_ c: MatchModel.Comparison, title: String, labels: (m: String, u: String, weight: String)) -> String {
        let rowHeight = 24, labelWidth = 210, barSpan = 150, weightSpan = 200
        let width = labelWidth + 2 * barSpan + weightSpan + 60
        let height = (c.levels.count + 1) * rowHeight + 8
        let weights = c.levels.indices.map { c.weight($0) }
        let maxAbs = max(1, weights.map { abs($0) }.max() ?? 1)
        var s = svgOpen(width: width, height: height, title: title, kind: "levels")
        let mx = labelWidth, ux = labelWidth + barSpan + 10, wx = labelWidth + 2 * barSpan + 20 + weightSpan / 2
        s += "<text class=\"tick\" x=\"\(mx)\" y=\"14\">\(escape(labels.m))</text><text class=\"tick\" x=\"\(ux)\" y=\"14\">\(escape(labels.u))</text>"
        s += "<text class=\"tick\" x=\"\(wx)\" y=\"14\" text-anchor=\"middle\">\(escape(labels.weight))</text>"
        for (i, name) in c.levels.enumerated() {
            let y = rowHeight * (i + 1)
            s += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(name))</text>"
            s += "<rect class=\"match\" x=\"\(mx)\" y=\"\(y + 4)\" width=\"\(f(Double(barSpan - 40) * c.m[i]))\" height=\"14\"/>"
            s += "<text class=\"tick\" x=\"\(mx + Int(Double(barSpan - 40) * c.m[i]) + 3)\" y=\"\(y + 15)\">\(prob(c.m[i]))</text>"
            s += "<rect class=\"nonmatch\" x=\"\(ux)\" y=\"\(y + 4)\" width=\"\(f(Double(barSpan - 40) * c.u[i]))\" height=\"14\"/>"
            s += "<text class=\"tick\" x=\"\(ux + Int(Double(barSpan - 40) * c.u[i]) + 3)\" y=\"\(y + 15)\">\(prob(c.u[i]))</text>"
            let w = weights[i], len = Double(weightSpan / 2) * abs(w) / maxAbs
            s += "<rect class=\"\(w >= 0 ? "pos" : "neg")\" x=\"\(f(w >= 0 ? Double(wx) : Double(wx) - len))\" y=\"\(y + 4)\" width=\"\(f(len))\" height=\"14\"/>"
            s += "<text class=\"tick\" x=\"\(f(w >= 0 ? Double(wx) + len + 3 : Double(wx) - len - 3))\" y=\"\(y + 15)\" text-anchor=\"\(w >= 0 ? "start" : "end")\">\(w >= 0 ? "+" : "")\(f(w))</text>"
        }
        s += "<line class=\"axis\" x1=\"\(wx)\" y1=\"\(rowHeight)\" x2=\"\(wx)\" y2=\"\(height - 4)\"/>"
        return s + "</svg>"
    }

    static func svgOpen(width: Int, height: Int, title: String, kind: String) -> String {
        "<svg class=\"chart \(kind)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\"><title>\(escape(title))</title>"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func count(_ x: Double) -> String {
        let n = Int(x.rounded())
        var digits = String(abs(n)), out = ""
        while digits.count > 3 {
            out = "." + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    static func prob(_ p: Double) -> String {
        p >= 0.01 ? String(format: "%.2f", p) : String(format: "%.1e", p)
    }
}
