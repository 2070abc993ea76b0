import Testing
@testable import LibcSupport

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String, depth: Int = 64) throws(JSONError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8), maximumDepth: depth)
    }

    func string(_ value: JSONValue?) -> String? {
        value?.stringValue.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func userRecord() throws {
        let value = try parse(#"{"userName":"testu","uid":61234,"realName":"Test U","memberOf":["a","b"],"locked":true,"x":null}"#)
        #expect(string(value["userName"]) == "testu")
        #expect(value["uid"]?.unsignedValue == 61234)
        #expect(value["memberOf"]?.arrayValue?.count == 2)
        #expect(value["locked"]?.boolValue == true)
        if case .null = value["x"]! {} else { Issue.record("x is not null") }
        #expect(value["missing"] == nil)
    }

    @Test func firstDuplicateKeyWins() throws {
        let value = try parse(#"{"a":1,"a":2}"#)
        #expect(value["a"]?.unsignedValue == 1)
    }

    @Test func numbers() throws {
        #expect(try parse("18446744073709551615").unsignedValue == UInt64.max)
        #expect(try parse("18446744073709551616").unsignedValue == nil)
        #expect(try parse("-1").unsignedValue == nil)
        #expect(try parse("1.5").unsignedValue == nil)
        #expect(try parse("1e3").unsignedValue == nil)
        #expect(try parse("0").unsignedValue == 0)
        for bad in ["01", "-", "1.", ".5", "1e", "+1", "0x10", "1e+"] {
            #expect(throws: JSONError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func escapes() throws {
        #expect(string(try parse(#""a\"b\\c\/d\n\t""#)) == "a\"b\\c/d\n\t")
        #expect(string(try parse(#""\u00e9\u20ac""#)) == "é€")
        #expect(string(try parse(#""\ud83d\ude00""#)) == "😀")
        #expect(string(try parse("\"é\"")) == "é")
        for bad in [#""\ud83d""#, #""\ude00""#, #""\ud83dx""#, #""\u12""#, #""\x""#, #""\u0000""#, "\"a\u{1}\"", "\"abc"] {
            #expect(throws: JSONError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func structureErrors() {
        for bad in ["", " ", "{", "[", "[1,]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{a:1}", "[1 2]", "tru", "nul", "1 2", "{}x", "\0"] {
            #expect(throws: JSONError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func depthLimit() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONError.tooDeep) { try parse(deep) }
        let ok = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        _ = try parse(ok, depth: 10)
        #expect(throws: JSONError.tooDeep) { try parse(ok, depth: 9) }
    }

    @Test func whitespaceAndEmpty() throws {
        let value = try parse(" \n{ \"a\" : [ ] , \"b\" : { } }\r\n")
        #expect(value["a"]?.arrayValue?.isEmpty == true)
        #expect(value["b"]?.objectValue?.isEmpty == true)
    }

    @Test func writerRoundTrip() throws {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("method"); writer.string("io.systemd.UserDatabase.GetUserRecord")
        writer.key("parameters"); writer.beginObject()
        writer.key("userName"); writer.string(ByteString("a\"b\\c\n"))
        writer.key("uid"); writer.unsigned(4294967294)
        writer.endObject()
        writer.key("more"); writer.bool(true)
        writer.endObject()
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #"{"method":"io.systemd.UserDatabase.GetUserRecord","parameters":{"userName":"a\"b\\c\u000a","uid":4294967294},"more":true}"#)
        let back = try JSONParser.parse(writer.bytes)
        #expect(string(back["parameters"]?["userName"]) == "a\"b\\c\n")
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[],:\"\\u0123abcdef-+.eE truefalsenull\n".utf8)
        for _ in 0..<5000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            _ = try? JSONParser.parse(bytes)
        }
    }
}
