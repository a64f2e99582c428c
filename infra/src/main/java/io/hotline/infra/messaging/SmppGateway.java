package io.hotline.infra.messaging;

import io.hotline.command.notify.DeliveryReceipts;
import io.hotline.command.notify.InboundMessages;
import io.hotline.command.notify.MessageGateway;
import io.hotline.kernel.citizen.NotificationChannel;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMS over SMPP 3.4 (jSMPP): one transceiver bind to the SMS centre, kept up (a lost bind is tried again every
 * few seconds, so the SMS centre going away and coming back needs nobody). Outgoing: {@code submit_sm} in UCS-2,
 * a long text in concatenated parts, a delivery receipt asked for. Incoming {@code deliver_sm}: a receipt
 * ({@link SmppListener}) becomes DELIVERED, anything else is the citizen's message.
 */
class SmppGateway implements MessageGateway, AutoCloseable {

    static final String NAME = "smpp";
    /** SMPP's "invalid destination address": retrying cannot help. */
    private static final int ESME_RINVDSTADR = 0x0B;
    private static final Logger log = LoggerFactory.getLogger(SmppGateway.class);

    private final SmppSettings settings;
    private final SmppListener listener;
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smpp-bind");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "smpp-inbound");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger references = new AtomicInteger();
    private volatile SMPPSession session;

    SmppGateway(SmppSettings settings, DeliveryReceipts receipts, InboundMessages inbound) {
        this.settings = settings;
        this.listener = new SmppListener(receipts, inbound, worker);
        long every = settings.reconnectEvery().toMillis();
        keeper.scheduleWithFixedDelay(this::keepBound, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public NotificationChannel channel() {
        return NotificationChannel.SMS;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Delivery send(OutgoingMessage message) {
        SMPPSession bound;
        try {
            bound = bound();
        } catch (Exception e) {
            return Delivery.refused("smsc unreachable (" + e.getClass().getSimpleName() + ")", false);
        }
        List<byte[]> parts = SmsSegments.of(message.text(), references.incrementAndGet());
        String lastId = null;
        try {
            for (int i = 0; i < parts.size(); i++) {
                boolean last = i == parts.size() - 1;
                ESMClass esm = parts.size() == 1 ? new ESMClass()
                        : new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
                lastId = bound.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                        settings.sourceAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, message.address(),
                        esm, (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                        (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, parts.get(i)).getMessageId();
            }
            return Delivery.accepted(lastId);
        } catch (NegativeResponseException e) {
            return Delivery.refused("smsc refused: status 0x" + Integer.toHexString(e.getCommandStatus()),
                    e.getCommandStatus() == ESME_RINVDSTADR);
        } catch (Exception e) {
            // a broken link: drop the session, the keeper binds again
            drop();
            return Delivery.refused("smsc unreachable (" + e.getClass().getSimpleName() + ")", false);
        }
    }

    private synchronized SMPPSession bound() throws Exception {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(settings.timeout().toMillis());
        fresh.setEnquireLinkTimer((int) Math.max(1000, settings.reconnectEvery().toMillis()));
        fresh.setMessageReceiverListener(listener);
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX,
                settings.systemId(), settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null), settings.timeout().toMillis());
        session = fresh;
        log.info("Bound to the SMS centre at {}:{}", settings.host(), settings.port());
        return fresh;
    }

    private void keepBound() {
        try {
            bound();
        } catch (Exception e) {
            log.debug("SMS centre not reachable yet ({})", e.getClass().getSimpleName());
        }
    }

    private synchronized void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    @Override
    public void close() {
        keeper.shutdownNow();
        worker.shutdownNow();
        drop();
    }

    /** Reads what the SMS centre delivers: receipts and the citizens' messages. */
    static String textOf(DeliverSm deliverSm) {
        byte coding = deliverSm.getDataCoding();
        if (deliverSm.isUdhi() || deliverSm.getShortMessage() == null) {
            return null; // a part of a long message, or nothing: not an answer to the invitation
        }
        byte[] bytes = deliverSm.getShortMessage();
        return switch (coding & 0x0F) {
            case 0x08 -> new String(bytes, java.nio.charset.StandardCharsets.UTF_16BE);
            case 0x00, 0x01, 0x03 -> new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            default -> null; // binary
        };
    }

    static boolean delivered(DeliveryReceipt receipt) {
        return receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD;
    }

    static String inboundId() {
        return UUID.randomUUID().toString();
    }
}
