package io.hotline.query.callbacks;

import io.hotline.query.readmodel.ReadModel;

import java.util.List;
import java.util.Map;

/**
 * The call-back workbench's read model ({@link #MODEL}): {@code call_backs}, one document per replied case that
 * awaits its evaluation, {@code _id} = case id. A case leaves it once evaluated by any channel or ended, so the
 * collection holds the day's work, not the archive, and listing it reads only that.
 */
final class CallBackCollections {

    static final String CALL_BACKS = "call_backs";

    /** {@code call-backs} ({@code POST /api/v1/admin/rebuild/call-backs}); no secondary index. */
    static final ReadModel MODEL = new ReadModel("call-backs", List.of(CALL_BACKS), Map.of());

    private CallBackCollections() {
    }
}
