var stats = {
    type: "GROUP",
name: "All Requests",
path: "",
pathFormatted: "group_missing-name--1146707516",
stats: {
    "name": "All Requests",
    "numberOfRequests": {
        "total": "41000",
        "ok": "41000",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "3272",
        "ok": "3272",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "1151",
        "ok": "1151",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "1204",
        "ok": "1204",
        "ko": "-"
    },
    "percentiles1": {
        "total": "172",
        "ok": "172",
        "ko": "-"
    },
    "percentiles2": {
        "total": "2388",
        "ok": "2396",
        "ko": "-"
    },
    "percentiles3": {
        "total": "2776",
        "ok": "2776",
        "ko": "-"
    },
    "percentiles4": {
        "total": "2928",
        "ok": "2928",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 21491,
    "percentage": 52.41707317073171
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 117,
    "percentage": 0.28536585365853656
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 19392,
    "percentage": 47.297560975609755
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "759.26",
        "ok": "759.26",
        "ko": "-"
    }
},
contents: {
"req_gateway-status--1213194930": {
        type: "REQUEST",
        name: "gateway status",
path: "gateway status",
pathFormatted: "req_gateway-status--1213194930",
stats: {
    "name": "gateway status",
    "numberOfRequests": {
        "total": "6975",
        "ok": "6975",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "3243",
        "ok": "3243",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "2236",
        "ok": "2236",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "639",
        "ok": "639",
        "ko": "-"
    },
    "percentiles1": {
        "total": "2371",
        "ok": "2372",
        "ko": "-"
    },
    "percentiles2": {
        "total": "2598",
        "ok": "2596",
        "ko": "-"
    },
    "percentiles3": {
        "total": "2828",
        "ok": "2824",
        "ko": "-"
    },
    "percentiles4": {
        "total": "2964",
        "ok": "2956",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 444,
    "percentage": 6.365591397849463
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 44,
    "percentage": 0.6308243727598566
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 6487,
    "percentage": 93.00358422939068
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "129.17",
        "ok": "129.17",
        "ko": "-"
    }
}
    },"req_gateway-positio--657919602": {
        type: "REQUEST",
        name: "gateway positions",
path: "gateway positions",
pathFormatted: "req_gateway-positio--657919602",
stats: {
    "name": "gateway positions",
    "numberOfRequests": {
        "total": "7076",
        "ok": "7076",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "3231",
        "ok": "3231",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "2219",
        "ok": "2219",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "685",
        "ok": "685",
        "ko": "-"
    },
    "percentiles1": {
        "total": "2372",
        "ok": "2372",
        "ko": "-"
    },
    "percentiles2": {
        "total": "2604",
        "ok": "2607",
        "ko": "-"
    },
    "percentiles3": {
        "total": "2844",
        "ok": "2856",
        "ko": "-"
    },
    "percentiles4": {
        "total": "2965",
        "ok": "2990",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 541,
    "percentage": 7.645562464669305
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 37,
    "percentage": 0.5228942905596382
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 6498,
    "percentage": 91.83154324477105
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "131.04",
        "ok": "131.04",
        "ko": "-"
    }
}
    },"req_gateway-guards--1555823670": {
        type: "REQUEST",
        name: "gateway guards",
path: "gateway guards",
pathFormatted: "req_gateway-guards--1555823670",
stats: {
    "name": "gateway guards",
    "numberOfRequests": {
        "total": "6949",
        "ok": "6949",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "3272",
        "ok": "3272",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "2233",
        "ok": "2233",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "672",
        "ok": "672",
        "ko": "-"
    },
    "percentiles1": {
        "total": "2393",
        "ok": "2390",
        "ko": "-"
    },
    "percentiles2": {
        "total": "2617",
        "ok": "2618",
        "ko": "-"
    },
    "percentiles3": {
        "total": "2828",
        "ok": "2834",
        "ko": "-"
    },
    "percentiles4": {
        "total": "2966",
        "ok": "2959",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 506,
    "percentage": 7.281623255144624
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 36,
    "percentage": 0.5180601525399338
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 6407,
    "percentage": 92.20031659231545
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "128.69",
        "ok": "128.69",
        "ko": "-"
    }
}
    },"req_direct-position-112278771": {
        type: "REQUEST",
        name: "direct positions",
path: "direct positions",
pathFormatted: "req_direct-position-112278771",
stats: {
    "name": "direct positions",
    "numberOfRequests": {
        "total": "6617",
        "ok": "6617",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "281",
        "ok": "281",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "19",
        "ok": "19",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "46",
        "ok": "46",
        "ko": "-"
    },
    "percentiles1": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "percentiles2": {
        "total": "9",
        "ok": "9",
        "ko": "-"
    },
    "percentiles3": {
        "total": "151",
        "ok": "151",
        "ko": "-"
    },
    "percentiles4": {
        "total": "218",
        "ok": "218",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 6617,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "122.54",
        "ok": "122.54",
        "ko": "-"
    }
}
    },"req_direct-guards--1115358587": {
        type: "REQUEST",
        name: "direct guards",
path: "direct guards",
pathFormatted: "req_direct-guards--1115358587",
stats: {
    "name": "direct guards",
    "numberOfRequests": {
        "total": "6665",
        "ok": "6665",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "274",
        "ok": "274",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "18",
        "ok": "18",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "45",
        "ok": "45",
        "ko": "-"
    },
    "percentiles1": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "percentiles2": {
        "total": "9",
        "ok": "9",
        "ko": "-"
    },
    "percentiles3": {
        "total": "149",
        "ok": "149",
        "ko": "-"
    },
    "percentiles4": {
        "total": "213",
        "ok": "213",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 6665,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "123.43",
        "ok": "123.43",
        "ko": "-"
    }
}
    },"req_direct-status--772729847": {
        type: "REQUEST",
        name: "direct status",
path: "direct status",
pathFormatted: "req_direct-status--772729847",
stats: {
    "name": "direct status",
    "numberOfRequests": {
        "total": "6718",
        "ok": "6718",
        "ko": "0"
    },
    "minResponseTime": {
        "total": "0",
        "ok": "0",
        "ko": "-"
    },
    "maxResponseTime": {
        "total": "261",
        "ok": "261",
        "ko": "-"
    },
    "meanResponseTime": {
        "total": "16",
        "ok": "16",
        "ko": "-"
    },
    "standardDeviation": {
        "total": "42",
        "ok": "42",
        "ko": "-"
    },
    "percentiles1": {
        "total": "2",
        "ok": "2",
        "ko": "-"
    },
    "percentiles2": {
        "total": "8",
        "ok": "8",
        "ko": "-"
    },
    "percentiles3": {
        "total": "137",
        "ok": "137",
        "ko": "-"
    },
    "percentiles4": {
        "total": "209",
        "ok": "209",
        "ko": "-"
    },
    "group1": {
    "name": "t < 800 ms",
    "htmlName": "t < 800 ms",
    "count": 6718,
    "percentage": 100.0
},
    "group2": {
    "name": "800 ms <= t < 1200 ms",
    "htmlName": "t >= 800 ms <br> t < 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group3": {
    "name": "t >= 1200 ms",
    "htmlName": "t >= 1200 ms",
    "count": 0,
    "percentage": 0.0
},
    "group4": {
    "name": "failed",
    "htmlName": "failed",
    "count": 0,
    "percentage": 0.0
},
    "meanNumberOfRequestsPerSecond": {
        "total": "124.41",
        "ok": "124.41",
        "ko": "-"
    }
}
    }
}

}

function fillStats(stat){
    $("#numberOfRequests").append(stat.numberOfRequests.total);
    $("#numberOfRequestsOK").append(stat.numberOfRequests.ok);
    $("#numberOfRequestsKO").append(stat.numberOfRequests.ko);

    $("#minResponseTime").append(stat.minResponseTime.total);
    $("#minResponseTimeOK").append(stat.minResponseTime.ok);
    $("#minResponseTimeKO").append(stat.minResponseTime.ko);

    $("#maxResponseTime").append(stat.maxResponseTime.total);
    $("#maxResponseTimeOK").append(stat.maxResponseTime.ok);
    $("#maxResponseTimeKO").append(stat.maxResponseTime.ko);

    $("#meanResponseTime").append(stat.meanResponseTime.total);
    $("#meanResponseTimeOK").append(stat.meanResponseTime.ok);
    $("#meanResponseTimeKO").append(stat.meanResponseTime.ko);

    $("#standardDeviation").append(stat.standardDeviation.total);
    $("#standardDeviationOK").append(stat.standardDeviation.ok);
    $("#standardDeviationKO").append(stat.standardDeviation.ko);

    $("#percentiles1").append(stat.percentiles1.total);
    $("#percentiles1OK").append(stat.percentiles1.ok);
    $("#percentiles1KO").append(stat.percentiles1.ko);

    $("#percentiles2").append(stat.percentiles2.total);
    $("#percentiles2OK").append(stat.percentiles2.ok);
    $("#percentiles2KO").append(stat.percentiles2.ko);

    $("#percentiles3").append(stat.percentiles3.total);
    $("#percentiles3OK").append(stat.percentiles3.ok);
    $("#percentiles3KO").append(stat.percentiles3.ko);

    $("#percentiles4").append(stat.percentiles4.total);
    $("#percentiles4OK").append(stat.percentiles4.ok);
    $("#percentiles4KO").append(stat.percentiles4.ko);

    $("#meanNumberOfRequestsPerSecond").append(stat.meanNumberOfRequestsPerSecond.total);
    $("#meanNumberOfRequestsPerSecondOK").append(stat.meanNumberOfRequestsPerSecond.ok);
    $("#meanNumberOfRequestsPerSecondKO").append(stat.meanNumberOfRequestsPerSecond.ko);
}
