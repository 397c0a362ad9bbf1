/// Values stored under a key type. Backs both the per-photo analysis (`AnalysisKey`) and the
/// per-worker services (`ServiceKey`). Not thread-safe: its owner serves one photo or one worker on
/// one thread. Lookup and store are separate so that making a value may itself read other values
/// (the face geometry asks for the faces) without overlapping access to the cache.
struct TypeKeyedCache {
    private var values: [ObjectIdentifier: Any] = [:]

    func value<Value>(for key: Any.Type, as _: Value.Type = Value.self) -> Value? {
        // Bind the stored `Any` first: a missing entry cast straight to an Optional `Value`
        // would "succeed" as nil and the value would never be made.
        guard let stored = values[ObjectIdentifier(key)], let value = stored as? Value else { return nil }
        return value
    }

    mutating func store<Value>(_ value: Value, for key: Any.Type) {
        values[ObjectIdentifier(key)] = value
    }
}
