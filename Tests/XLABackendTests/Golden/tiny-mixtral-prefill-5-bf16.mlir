module @portbench {
  func.func public @main(%arg0: tensor<5x32xf32>, %arg1: tensor<1x5x2x8xf32>, %arg2: tensor<1x5x2x8xf32>, %arg3: tensor<32xf32>, %arg4: tensor<32x32xf32>, %arg5: tensor<16x32xf32>, %arg6: tensor<16x32xf32>, %arg7: tensor<32x32xf32>, %arg8: tensor<32xf32>, %arg9: tensor<4x32xf32>, %arg10: tensor<48x32xf32>, %arg11: tensor<48x32xf32>, %arg12: tensor<32x48xf32>, %arg13: tensor<48x32xf32>, %arg14: tensor<48x32xf32>, %arg15: tensor<32x48xf32>, %arg16: tensor<48x32xf32>, %arg17: tensor<48x32xf32>, %arg18: tensor<32x48xf32>, %arg19: tensor<48x32xf32>, %arg20: tensor<48x32xf32>, %arg21: tensor<32x48xf32>) -> (tensor<5x32xf32>) {
    %v1 = stablehlo.convert %arg0 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v2 = stablehlo.convert %v1 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v3 = stablehlo.convert %arg1 : (tensor<1x5x2x8xf32>) -> tensor<1x5x2x8xbf16>
    %v4 = stablehlo.convert %v3 : (tensor<1x5x2x8xbf16>) -> tensor<1x5x2x8xf32>
    %v5 = stablehlo.convert %arg2 : (tensor<1x5x2x8xf32>) -> tensor<1x5x2x8xbf16>
    %v6 = stablehlo.convert %v5 : (tensor<1x5x2x8xbf16>) -> tensor<1x5x2x8xf32>
    %v7 = stablehlo.convert %arg3 : (tensor<32xf32>) -> tensor<32xbf16>
    %v8 = stablehlo.convert %v7 : (tensor<32xbf16>) -> tensor<32xf32>
    %v9 = stablehlo.convert %arg4 : (tensor<32x32xf32>) -> tensor<32x32xbf16>
    %v10 = stablehlo.convert %v9 : (tensor<32x32xbf16>) -> tensor<32x32xf32>
    %v11 = stablehlo.convert %arg5 : (tensor<16x32xf32>) -> tensor<16x32xbf16>
    %v12 = stablehlo.convert %v11 : (tensor<16x32xbf16>) -> tensor<16x32xf32>
    %v13 = stablehlo.convert %arg6 : (tensor<16x32xf32>) -> tensor<16x32xbf16>
    %v14 = stablehlo.convert %v13 : (tensor<16x32xbf16>) -> tensor<16x32xf32>
    %v15 = stablehlo.convert %arg7 : (tensor<32x32xf32>) -> tensor<32x32xbf16>
    %v16 = stablehlo.convert %v15 : (tensor<32x32xbf16>) -> tensor<32x32xf32>
    %v17 = stablehlo.convert %arg8 : (tensor<32xf32>) -> tensor<32xbf16>
    %v18 = stablehlo.convert %v17 : (tensor<32xbf16>) -> tensor<32xf32>
    %v19 = stablehlo.convert %arg9 : (tensor<4x32xf32>) -> tensor<4x32xbf16>
    %v20 = stablehlo.convert %v19 : (tensor<4x32xbf16>) -> tensor<4x32xf32>
    %v21 = stablehlo.convert %arg10 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v22 = stablehlo.convert %v21 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v23 = stablehlo.convert %arg11 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v24 = stablehlo.convert %v23 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v25 = stablehlo.convert %arg12 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v26 = stablehlo.convert %v25 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v27 = stablehlo.convert %arg13 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v28 = stablehlo.convert %v27 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v29 = stablehlo.convert %arg14 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v30 = stablehlo.convert %v29 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v31 = stablehlo.convert %arg15 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v32 = stablehlo.convert %v31 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v33 = stablehlo.convert %arg16 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v34 = stablehlo.convert %v33 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v35 = stablehlo.convert %arg17 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v36 = stablehlo.convert %v35 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v37 = stablehlo.convert %arg18 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v38 = stablehlo.convert %v37 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v39 = stablehlo.convert %arg19 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v40 = stablehlo.convert %v39 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v41 = stablehlo.convert %arg20 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v42 = stablehlo.convert %v41 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v43 = stablehlo.convert %arg21 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v44 = stablehlo.convert %v43 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v45 = stablehlo.multiply %v2, %v2 : tensor<5x32xf32>
    %v47 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v46 = stablehlo.reduce(%v45 init: %v47) applies stablehlo.add across dimensions = [1] : (tensor<5x32xf32>, tensor<f32>) -> tensor<5xf32>
    %v48 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v49 = stablehlo.broadcast_in_dim %v48, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v50 = stablehlo.divide %v46, %v49 : tensor<5xf32>
    %v51 = stablehlo.constant dense<1.000000000e-05> : tensor<f32>
    %v52 = stablehlo.broadcast_in_dim %v51, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v53 = stablehlo.add %v50, %v52 : tensor<5xf32>
    %v54 = stablehlo.rsqrt %v53 : tensor<5xf32>
    %v55 = stablehlo.broadcast_in_dim %v54, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v56 = stablehlo.multiply %v2, %v55 : tensor<5x32xf32>
    %v57 = stablehlo.broadcast_in_dim %v8, dims = [1] : (tensor<32xf32>) -> tensor<5x32xf32>
    %v58 = stablehlo.multiply %v56, %v57 : tensor<5x32xf32>
    %v59 = stablehlo.convert %v58 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v60 = stablehlo.convert %v59 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v61 = stablehlo.dot_general %v60, %v10, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<32x32xf32>) -> tensor<5x32xf32>
    %v62 = stablehlo.convert %v61 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v63 = stablehlo.convert %v62 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v64 = stablehlo.dot_general %v60, %v12, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<16x32xf32>) -> tensor<5x16xf32>
    %v65 = stablehlo.convert %v64 : (tensor<5x16xf32>) -> tensor<5x16xbf16>
    %v66 = stablehlo.convert %v65 : (tensor<5x16xbf16>) -> tensor<5x16xf32>
    %v67 = stablehlo.dot_general %v60, %v14, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<16x32xf32>) -> tensor<5x16xf32>
    %v68 = stablehlo.convert %v67 : (tensor<5x16xf32>) -> tensor<5x16xbf16>
    %v69 = stablehlo.convert %v68 : (tensor<5x16xbf16>) -> tensor<5x16xf32>
    %v70 = stablehlo.constant dense<[1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 5.403022766e-01, 9.995000362e-01, 9.999995232e-01, 1.000000000e+00, -4.161468446e-01, 9.980006814e-01, 9.999979734e-01, 1.000000000e+00, -9.899924994e-01, 9.955033660e-01, 9.999955297e-01, 1.000000000e+00, -6.536436081e-01, 9.920106530e-01, 9.999920130e-01, 1.000000000e+00]> : tensor<20xf32>
    %v71 = stablehlo.reshape %v70 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v72 = stablehlo.broadcast_in_dim %v71, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x4x4xf32>
    %v73 = stablehlo.constant dense<[0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 8.414709568e-01, 3.161750734e-02, 9.999998147e-04, 3.162277790e-05, 9.092974067e-01, 6.320339441e-02, 1.999998698e-03, 6.324555579e-05, 1.411200017e-01, 9.472609311e-02, 2.999995602e-03, 9.486833005e-05, -7.568024993e-01, 1.261540651e-01, 3.999989480e-03, 1.264911116e-04]> : tensor<20xf32>
    %v74 = stablehlo.reshape %v73 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v75 = stablehlo.broadcast_in_dim %v74, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x4x4xf32>
    %v76 = stablehlo.reshape %v63 : (tensor<5x32xf32>) -> tensor<1x5x4x8xf32>
    %v77 = stablehlo.slice %v76 [0:1, 0:5, 0:4, 0:4] : (tensor<1x5x4x8xf32>) -> tensor<1x5x4x4xf32>
    %v78 = stablehlo.slice %v76 [0:1, 0:5, 0:4, 4:8] : (tensor<1x5x4x8xf32>) -> tensor<1x5x4x4xf32>
    %v79 = stablehlo.multiply %v77, %v72 : tensor<1x5x4x4xf32>
    %v80 = stablehlo.multiply %v78, %v75 : tensor<1x5x4x4xf32>
    %v81 = stablehlo.subtract %v79, %v80 : tensor<1x5x4x4xf32>
    %v82 = stablehlo.multiply %v78, %v72 : tensor<1x5x4x4xf32>
    %v83 = stablehlo.multiply %v77, %v75 : tensor<1x5x4x4xf32>
    %v84 = stablehlo.add %v82, %v83 : tensor<1x5x4x4xf32>
    %v85 = stablehlo.concatenate %v81, %v84, dim = 3 : (tensor<1x5x4x4xf32>, tensor<1x5x4x4xf32>) -> tensor<1x5x4x8xf32>
    %v86 = stablehlo.reshape %v85 : (tensor<1x5x4x8xf32>) -> tensor<5x32xf32>
    %v87 = stablehlo.convert %v86 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v88 = stablehlo.convert %v87 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v89 = stablehlo.constant dense<[1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 5.403022766e-01, 9.995000362e-01, 9.999995232e-01, 1.000000000e+00, -4.161468446e-01, 9.980006814e-01, 9.999979734e-01, 1.000000000e+00, -9.899924994e-01, 9.955033660e-01, 9.999955297e-01, 1.000000000e+00, -6.536436081e-01, 9.920106530e-01, 9.999920130e-01, 1.000000000e+00]> : tensor<20xf32>
    %v90 = stablehlo.reshape %v89 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v91 = stablehlo.broadcast_in_dim %v90, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x2x4xf32>
    %v92 = stablehlo.constant dense<[0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 8.414709568e-01, 3.161750734e-02, 9.999998147e-04, 3.162277790e-05, 9.092974067e-01, 6.320339441e-02, 1.999998698e-03, 6.324555579e-05, 1.411200017e-01, 9.472609311e-02, 2.999995602e-03, 9.486833005e-05, -7.568024993e-01, 1.261540651e-01, 3.999989480e-03, 1.264911116e-04]> : tensor<20xf32>
    %v93 = stablehlo.reshape %v92 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v94 = stablehlo.broadcast_in_dim %v93, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x2x4xf32>
    %v95 = stablehlo.reshape %v66 : (tensor<5x16xf32>) -> tensor<1x5x2x8xf32>
    %v96 = stablehlo.slice %v95 [0:1, 0:5, 0:2, 0:4] : (tensor<1x5x2x8xf32>) -> tensor<1x5x2x4xf32>
    %v97 = stablehlo.slice %v95 [0:1, 0:5, 0:2, 4:8] : (tensor<1x5x2x8xf32>) -> tensor<1x5x2x4xf32>
    %v98 = stablehlo.multiply %v96, %v91 : tensor<1x5x2x4xf32>
    %v99 = stablehlo.multiply %v97, %v94 : tensor<1x5x2x4xf32>
    %v100 = stablehlo.subtract %v98, %v99 : tensor<1x5x2x4xf32>
    %v101 = stablehlo.multiply %v97, %v91 : tensor<1x5x2x4xf32>
    %v102 = stablehlo.multiply %v96, %v94 : tensor<1x5x2x4xf32>
    %v103 = stablehlo.add %v101, %v102 : tensor<1x5x2x4xf32>
    %v104 = stablehlo.concatenate %v100, %v103, dim = 3 : (tensor<1x5x2x4xf32>, tensor<1x5x2x4xf32>) -> tensor<1x5x2x8xf32>
    %v105 = stablehlo.reshape %v104 : (tensor<1x5x2x8xf32>) -> tensor<5x16xf32>
    %v106 = stablehlo.convert %v105 : (tensor<5x16xf32>) -> tensor<5x16xbf16>
    %v107 = stablehlo.convert %v106 : (tensor<5x16xbf16>) -> tensor<5x16xf32>
    %v108 = stablehlo.reshape %v107 : (tensor<5x16xf32>) -> tensor<1x5x2x8xf32>
    %v109 = stablehlo.constant dense<0> : tensor<i32>
    %v110 = stablehlo.constant dense<0> : tensor<i32>
    %v111 = stablehlo.constant dense<0> : tensor<i32>
    %v112 = stablehlo.constant dense<0> : tensor<i32>
    %v113 = stablehlo.dynamic_update_slice %v4, %v108, %v109, %v110, %v111, %v112 : (tensor<1x5x2x8xf32>, tensor<1x5x2x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x5x2x8xf32>
    %v114 = stablehlo.reshape %v69 : (tensor<5x16xf32>) -> tensor<1x5x2x8xf32>
    %v115 = stablehlo.constant dense<0> : tensor<i32>
    %v116 = stablehlo.constant dense<0> : tensor<i32>
    %v117 = stablehlo.constant dense<0> : tensor<i32>
    %v118 = stablehlo.constant dense<0> : tensor<i32>
    %v119 = stablehlo.dynamic_update_slice %v6, %v114, %v115, %v116, %v117, %v118 : (tensor<1x5x2x8xf32>, tensor<1x5x2x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<1x5x2x8xf32>
    %v120 = stablehlo.reshape %v88 : (tensor<5x32xf32>) -> tensor<1x5x2x2x8xf32>
    %v121 = stablehlo.dot_general %v120, %v113, batching_dims = [0, 2] x [0, 2], contracting_dims = [4] x [3] : (tensor<1x5x2x2x8xf32>, tensor<1x5x2x8xf32>) -> tensor<1x2x5x2x5xf32>
    %v122 = stablehlo.constant dense<3.535533845e-01> : tensor<f32>
    %v123 = stablehlo.broadcast_in_dim %v122, dims = [] : (tensor<f32>) -> tensor<1x2x5x2x5xf32>
    %v124 = stablehlo.multiply %v121, %v123 : tensor<1x2x5x2x5xf32>
    %v125 = stablehlo.convert %v124 : (tensor<1x2x5x2x5xf32>) -> tensor<1x2x5x2x5xbf16>
    %v126 = stablehlo.convert %v125 : (tensor<1x2x5x2x5xbf16>) -> tensor<1x2x5x2x5xf32>
    %v127 = stablehlo.iota dim = 2 : tensor<1x2x5x2x5xi32>
    %v128 = stablehlo.constant dense<0> : tensor<i32>
    %v129 = stablehlo.broadcast_in_dim %v128, dims = [] : (tensor<i32>) -> tensor<1x2x5x2x5xi32>
    %v130 = stablehlo.add %v127, %v129 : tensor<1x2x5x2x5xi32>
    %v131 = stablehlo.iota dim = 4 : tensor<1x2x5x2x5xi32>
    %v132 = stablehlo.compare LE, %v131, %v130, SIGNED : (tensor<1x2x5x2x5xi32>, tensor<1x2x5x2x5xi32>) -> tensor<1x2x5x2x5xi1>
    %v133 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v134 = stablehlo.broadcast_in_dim %v133, dims = [] : (tensor<f32>) -> tensor<1x2x5x2x5xf32>
    %v135 = stablehlo.select %v132, %v126, %v134 : tensor<1x2x5x2x5xi1>, tensor<1x2x5x2x5xf32>
    %v137 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v136 = stablehlo.reduce(%v135 init: %v137) applies stablehlo.maximum across dimensions = [4] : (tensor<1x2x5x2x5xf32>, tensor<f32>) -> tensor<1x2x5x2xf32>
    %v138 = stablehlo.broadcast_in_dim %v136, dims = [0, 1, 2, 3] : (tensor<1x2x5x2xf32>) -> tensor<1x2x5x2x5xf32>
    %v139 = stablehlo.subtract %v135, %v138 : tensor<1x2x5x2x5xf32>
    %v140 = stablehlo.exponential %v139 : tensor<1x2x5x2x5xf32>
    %v142 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v141 = stablehlo.reduce(%v140 init: %v142) applies stablehlo.add across dimensions = [4] : (tensor<1x2x5x2x5xf32>, tensor<f32>) -> tensor<1x2x5x2xf32>
    %v143 = stablehlo.broadcast_in_dim %v141, dims = [0, 1, 2, 3] : (tensor<1x2x5x2xf32>) -> tensor<1x2x5x2x5xf32>
    %v144 = stablehlo.divide %v140, %v143 : tensor<1x2x5x2x5xf32>
    %v145 = stablehlo.convert %v144 : (tensor<1x2x5x2x5xf32>) -> tensor<1x2x5x2x5xbf16>
    %v146 = stablehlo.convert %v145 : (tensor<1x2x5x2x5xbf16>) -> tensor<1x2x5x2x5xf32>
    %v147 = stablehlo.dot_general %v146, %v119, batching_dims = [0, 1] x [0, 2], contracting_dims = [4] x [1] : (tensor<1x2x5x2x5xf32>, tensor<1x5x2x8xf32>) -> tensor<1x2x5x2x8xf32>
    %v148 = stablehlo.transpose %v147, dims = [0, 2, 1, 3, 4] : (tensor<1x2x5x2x8xf32>) -> tensor<1x5x2x2x8xf32>
    %v149 = stablehlo.reshape %v148 : (tensor<1x5x2x2x8xf32>) -> tensor<5x32xf32>
    %v150 = stablehlo.convert %v149 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v151 = stablehlo.convert %v150 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v152 = stablehlo.dot_general %v151, %v16, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<32x32xf32>) -> tensor<5x32xf32>
    %v153 = stablehlo.convert %v152 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v154 = stablehlo.convert %v153 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v155 = stablehlo.add %v2, %v154 : tensor<5x32xf32>
    %v156 = stablehlo.convert %v155 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v157 = stablehlo.convert %v156 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v158 = stablehlo.multiply %v157, %v157 : tensor<5x32xf32>
    %v160 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v159 = stablehlo.reduce(%v158 init: %v160) applies stablehlo.add across dimensions = [1] : (tensor<5x32xf32>, tensor<f32>) -> tensor<5xf32>
    %v161 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v162 = stablehlo.broadcast_in_dim %v161, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v163 = stablehlo.divide %v159, %v162 : tensor<5xf32>
    %v164 = stablehlo.constant dense<1.000000000e-05> : tensor<f32>
    %v165 = stablehlo.broadcast_in_dim %v164, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v166 = stablehlo.add %v163, %v165 : tensor<5xf32>
    %v167 = stablehlo.rsqrt %v166 : tensor<5xf32>
    %v168 = stablehlo.broadcast_in_dim %v167, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v169 = stablehlo.multiply %v157, %v168 : tensor<5x32xf32>
    %v170 = stablehlo.broadcast_in_dim %v18, dims = [1] : (tensor<32xf32>) -> tensor<5x32xf32>
    %v171 = stablehlo.multiply %v169, %v170 : tensor<5x32xf32>
    %v172 = stablehlo.convert %v171 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v173 = stablehlo.convert %v172 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v174 = stablehlo.dot_general %v173, %v20, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<4x32xf32>) -> tensor<5x4xf32>
    %v175 = stablehlo.convert %v174 : (tensor<5x4xf32>) -> tensor<5x4xbf16>
    %v176 = stablehlo.convert %v175 : (tensor<5x4xbf16>) -> tensor<5x4xf32>
    %v178 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v177 = stablehlo.reduce(%v176 init: %v178) applies stablehlo.maximum across dimensions = [1] : (tensor<5x4xf32>, tensor<f32>) -> tensor<5xf32>
    %v179 = stablehlo.broadcast_in_dim %v177, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v180 = stablehlo.subtract %v176, %v179 : tensor<5x4xf32>
    %v181 = stablehlo.exponential %v180 : tensor<5x4xf32>
    %v183 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v182 = stablehlo.reduce(%v181 init: %v183) applies stablehlo.add across dimensions = [1] : (tensor<5x4xf32>, tensor<f32>) -> tensor<5xf32>
    %v184 = stablehlo.broadcast_in_dim %v182, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v185 = stablehlo.divide %v181, %v184 : tensor<5x4xf32>
    %v186, %v187 = chlo.top_k(%v185, k = 2) : tensor<5x4xf32> -> (tensor<5x2xf32>, tensor<5x2xi32>)
    %v188 = stablehlo.slice %v186 [0:5, 1:2] : (tensor<5x2xf32>) -> tensor<5x1xf32>
    %v189 = stablehlo.reshape %v188 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v190 = stablehlo.broadcast_in_dim %v189, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v191 = stablehlo.compare GE, %v185, %v190, FLOAT : (tensor<5x4xf32>, tensor<5x4xf32>) -> tensor<5x4xi1>
    %v192 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v193 = stablehlo.broadcast_in_dim %v192, dims = [] : (tensor<f32>) -> tensor<5x4xf32>
    %v194 = stablehlo.select %v191, %v185, %v193 : tensor<5x4xi1>, tensor<5x4xf32>
    %v196 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v195 = stablehlo.reduce(%v194 init: %v196) applies stablehlo.add across dimensions = [1] : (tensor<5x4xf32>, tensor<f32>) -> tensor<5xf32>
    %v197 = stablehlo.broadcast_in_dim %v195, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v198 = stablehlo.divide %v194, %v197 : tensor<5x4xf32>
    %v199 = stablehlo.convert %v198 : (tensor<5x4xf32>) -> tensor<5x4xbf16>
    %v200 = stablehlo.convert %v199 : (tensor<5x4xbf16>) -> tensor<5x4xf32>
    %v201 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v202 = stablehlo.broadcast_in_dim %v201, dims = [] : (tensor<f32>) -> tensor<5x32xf32>
    %v203 = stablehlo.dot_general %v173, %v22, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v204 = stablehlo.dot_general %v173, %v24, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v205 = stablehlo.logistic %v203 : tensor<5x48xf32>
    %v206 = stablehlo.multiply %v203, %v205 : tensor<5x48xf32>
    %v207 = stablehlo.multiply %v206, %v204 : tensor<5x48xf32>
    %v208 = stablehlo.dot_general %v207, %v26, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
    %v209 = stablehlo.slice %v200 [0:5, 0:1] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v210 = stablehlo.reshape %v209 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v211 = stablehlo.broadcast_in_dim %v210, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v212 = stablehlo.multiply %v208, %v211 : tensor<5x32xf32>
    %v213 = stablehlo.add %v202, %v212 : tensor<5x32xf32>
    %v214 = stablehlo.dot_general %v173, %v28, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v215 = stablehlo.dot_general %v173, %v30, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v216 = stablehlo.logistic %v214 : tensor<5x48xf32>
    %v217 = stablehlo.multiply %v214, %v216 : tensor<5x48xf32>
    %v218 = stablehlo.multiply %v217, %v215 : tensor<5x48xf32>
    %v219 = stablehlo.dot_general %v218, %v32, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
    %v220 = stablehlo.slice %v200 [0:5, 1:2] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v221 = stablehlo.reshape %v220 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v222 = stablehlo.broadcast_in_dim %v221, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v223 = stablehlo.multiply %v219, %v222 : tensor<5x32xf32>
    %v224 = stablehlo.add %v213, %v223 : tensor<5x32xf32>
    %v225 = stablehlo.dot_general %v173, %v34, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v226 = stablehlo.dot_general %v173, %v36, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v227 = stablehlo.logistic %v225 : tensor<5x48xf32>
    %v228 = stablehlo.multiply %v225, %v227 : tensor<5x48xf32>
    %v229 = stablehlo.multiply %v228, %v226 : tensor<5x48xf32>
    %v230 = stablehlo.dot_general %v229, %v38, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
    %v231 = stablehlo.slice %v200 [0:5, 2:3] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v232 = stablehlo.reshape %v231 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v233 = stablehlo.broadcast_in_dim %v232, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v234 = stablehlo.multiply %v230, %v233 : tensor<5x32xf32>
    %v235 = stablehlo.add %v224, %v234 : tensor<5x32xf32>
    %v236 = stablehlo.dot_general %v173, %v40, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v237 = stablehlo.dot_general %v173, %v42, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
    %v238 = stablehlo.logistic %v236 : tensor<5x48xf32>
    %v239 = stablehlo.multiply %v236, %v238 : tensor<5x48xf32>
    %v240 = stablehlo.multiply %v239, %v237 : tensor<5x48xf32>
    %v241 = stablehlo.dot_general %v240, %v44, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
    %v242 = stablehlo.slice %v200 [0:5, 3:4] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v243 = stablehlo.reshape %v242 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v244 = stablehlo.broadcast_in_dim %v243, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v245 = stablehlo.multiply %v241, %v244 : tensor<5x32xf32>
    %v246 = stablehlo.add %v235, %v245 : tensor<5x32xf32>
    %v247 = stablehlo.convert %v246 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v248 = stablehlo.convert %v247 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v249 = stablehlo.add %v157, %v248 : tensor<5x32xf32>
    %v250 = stablehlo.convert %v249 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v251 = stablehlo.convert %v250 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    return %v251 : tensor<5x32xf32>
  }
}
