public enum GetconfCommand { public static func run(_ arguments: Arguments) -> Int32 { 0 } }
