package io.hotline.notify;

import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMS centre for the tests: jSMPP's server side on a local port. It accepts binds, answers every
 * {@code submit_sm} with a message id, joins concatenated parts back into texts, sends a delivery receipt when
 * one is asked for, and lets a test play a citizen texting the hotline ({@code deliver_sm}). Stopped, it closes
 * its port and every bound session, as an SMS centre going away does.
 */
final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {

    /** A text as a handset would show it, to whom. */
    record Received(String to, String text) {
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, String[]> parts = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(0x1000);
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor();
    private volatile SMPPServerSessionListener listener;
    private volatile Thread acceptor;

    TestSmsc(int port) {
        this.port = port;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    synchronized TestSmsc start() {
        try {
            listener = new SMPPServerSessionListener(port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        listener.setMessageReceiverListener(this);
        SMPPServerSessionListener accepting = listener;
        acceptor = new Thread(() -> {
            while (true) {
                try {
                    SMPPServerSession session = accepting.accept();
                    BindRequest bind = session.waitForBind(5000);
                    bind.accept("test-smsc");
                    sessions.add(session);
                } catch (Exception e) {
                    return; // the listener was closed
                }
            }
        }, "test-smsc-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** The SMS centre goes away: port closed, binds dropped. */
    synchronized void stop() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        sessions.forEach(SMPPServerSession::unbindAndClose);
        sessions.clear();
    }

    boolean hasBind() {
        return sessions.stream().anyMatch(s -> s.getSessionState().isBound());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedBy(String phone) {
        return received.stream().filter(r -> r.to().equals(phone)).toList();
    }

    /** A citizen texts the hotline. */
    void citizenSends(String from, String text) throws Exception {
        SMPPServerSession session = sessions.stream().filter(s -> s.getSessionState().isBound()).findFirst()
                .orElseThrow(() -> new IllegalStateException("nobody is bound"));
        session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, from,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "12345", new ESMClass(), (byte) 0, (byte) 0,
                new RegisteredDelivery(0), new GeneralDataCoding(Alphabet.ALPHA_UCS2),
                text.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        byte[] message = submit.getShortMessage();
        if (submit.isUdhi()) {
            int header = (message[0] & 0xff) + 1;
            String key = submit.getDestAddress() + "/" + (message[3] & 0xff);
            String[] all = parts.computeIfAbsent(key, k -> new String[message[4] & 0xff]);
            all[(message[5] & 0xff) - 1] = new String(Arrays.copyOfRange(message, header, message.length),
                    StandardCharsets.UTF_16BE);
            if (Arrays.stream(all).allMatch(p -> p != null)) {
                parts.remove(key);
                received.add(new Received(submit.getDestAddress(), String.join("", all)));
            }
        } else {
            received.add(new Received(submit.getDestAddress(), new String(message, StandardCharsets.UTF_16BE)));
        }
        String id = Integer.toHexString(ids.incrementAndGet());
        if ((submit.getRegisteredDelivery() & 0x03) == SMSCDeliveryReceipt.SUCCESS_FAILURE.value()) {
            receipts.schedule(() -> receipt(source, submit, id), 200, TimeUnit.MILLISECONDS);
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException("bad id", 0x08);
        }
    }

    private void receipt(SMPPServerSession session, SubmitSm submit, String id) {
        try {
            DeliveryReceipt receipt = new DeliveryReceipt(id, 1, 1, new Date(), new Date(),
                    DeliveryReceiptState.DELIVRD, "000", "");
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    submit.getDestAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    submit.getSourceAddr(), new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT,
                            GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.ZERO, receipt.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // the session went away: the receipt is lost, as with a real SMS centre
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                          SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void close() {
        stop();
        receipts.shutdownNow();
    }
}
