/// Why a varlink exchange failed. Every case means "this service is
/// unavailable": callers move on to the next source, never hang or abort.
public enum VarlinkError: Error, Equatable, Sendable {
    /// The socket could not be created or connected (missing, refused, ...).
    case unavailable(Errno)
    /// The service did not answer before the deadline.
    case timedOut
    /// The peer closed the connection before a complete reply.
    case closed
    /// The reply was not a varlink message (not JSON, not an object, too big).
    case malformedReply
}
