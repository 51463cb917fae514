package dev.portico.jca.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Listener for the FeatherBase protocol: one decoded command in, one reply out, many per connection;
 * row reads of several connections that arrive together may come in one call of {@link #onCommands}.
 */
public interface FeatherBaseListener {

    /**
     * Answers one command. Commands of one connection arrive one at a time, in the order sent;
     * the reply is written when this method has returned.
     */
    FeatherBaseReply onCommand(FeatherBaseRequest request);

    /**
     * Answers row reads ({@link FeatherBaseCommand.GetRow}, {@link FeatherBaseCommand.GetCell}) that
     * arrived together, each from a different connection, so that they can share one query; the
     * replies in the same order. Each reply must be what {@link #onCommand} would have answered; should
     * this method throw, the adapter answers each request through {@link #onCommand} instead. By default
     * each read is answered on its own.
     */
    default List<FeatherBaseReply> onCommands(List<FeatherBaseRequest> requests) {
        List<FeatherBaseReply> replies = new ArrayList<>(requests.size());
        for (FeatherBaseRequest request : requests) {
            replies.add(onCommand(request));
        }
        return replies;
    }
}
