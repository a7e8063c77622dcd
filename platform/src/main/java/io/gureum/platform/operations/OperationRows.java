package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a row of {@code operations} to the public {@link Operation}. */
final class OperationRows {
    static final String COLUMNS = "id, project_id, kind, status, progress, attempts, created_at, updated_at, completed_at, "
            + "error_code, error_message";

    private OperationRows() {}

    static Operation map(ResultSet rs) throws SQLException {
        OperationStatus status = OperationStatus.fromWire(rs.getString("status"));
        String errorCode = rs.getString("error_code");
        OperationError error = status == OperationStatus.FAILED && errorCode != null
                ? new OperationError(errorCode, rs.getString("error_message"))
                : null;
        return new Operation(rs.getString("id"), rs.getString("project_id"), rs.getString("kind"), status,
                rs.getDouble("progress"), rs.getInt("attempts"),
                SqlTimes.read(rs, "created_at"), SqlTimes.read(rs, "updated_at"), SqlTimes.read(rs, "completed_at"), error);
    }
}
